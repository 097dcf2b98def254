package netwarden.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import netwarden.model.ConnectStrings;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.PortCount;
import netwarden.model.Proto;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.Times;
import netwarden.model.WindowStats;

/**
 * Builds the JSON objects of services, players and windows shared by the HTTP API and the replay
 * report, so both use the same snake_case field names.
 *
 * <ul>
 *   <li>service: {@code id, name, address, proto, port, connect, discovered, packets_in, bytes_in,
 *       packets_out, bytes_out, peak_pps, peak_bps, players_now, players_peak}, and from the newest
 *       closed bin {@code window_start, pps, bps, sources, sources_estimated} (null before the first
 *       bin closed; a client compares {@code window_start} with the time to spot an idle service)</li>
 *   <li>service detail: the above plus {@code last_window} (a window object or null)</li>
 *   <li>player: {@code service, address, first_seen, last_seen, packets_in, packets_out, bytes_in,
 *       bytes_out, joined_at, left, left_at} ({@code joined_at} null before the join fired,
 *       {@code left_at} null while playing)</li>
 *   <li>window: {@code start, packets, bytes, pps, bps, sources, sources_estimated, new_sources,
 *       top_sources: [{address, packets, bytes}]}</li>
 * </ul>
 *
 * <p>Timestamps are epoch seconds as JSON numbers with up to 9 decimals. Player and source
 * addresses go through the {@link AddressFormat}; service addresses are the operator's own and are
 * always written in full. Serialize with {@link JsonText} (or any mapper: numbers are built so they
 * never print in exponent form). Instances are immutable and thread-safe.
 */
public final class SnapshotJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AddressFormat addresses;
    private final Duration blockTimeout;

    /** With block rules of the {@link BlockRules#DEFAULT_TIMEOUT}. */
    public SnapshotJson(AddressFormat addresses) {
        this(addresses, BlockRules.DEFAULT_TIMEOUT);
    }

    /** @param blockTimeout how long the incidents' block rules block ({@code detection.block-timeout}) */
    public SnapshotJson(AddressFormat addresses, Duration blockTimeout) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.blockTimeout = Objects.requireNonNull(blockTimeout, "blockTimeout");
    }

    public AddressFormat addresses() {
        return addresses;
    }

    /** Epoch seconds for a nanosecond timestamp, never in exponent notation ({@code 1795268310}, not 1.79526831E+9). */
    public static BigDecimal seconds(long nanos) {
        return Times.seconds(nanos);
    }

    public ObjectNode service(ServiceSnapshot s) {
        ObjectNode n = NODES.objectNode();
        n.put("id", s.id());
        n.put("name", s.name());
        n.put("address", s.key().address().toString());
        n.put("proto", Proto.name(s.key().proto()));
        n.put("port", s.key().port());
        n.put("connect", ConnectStrings.withoutSecrets(s.connect())); // a game password is no API data
        n.put("discovered", s.discovered());
        n.put("packets_in", s.packetsIn());
        n.put("bytes_in", s.bytesIn());
        n.put("packets_out", s.packetsOut());
        n.put("bytes_out", s.bytesOut());
        n.put("peak_pps", s.peakPps());
        n.put("peak_bps", s.peakBps());
        n.put("players_now", s.playersNow());
        n.put("players_peak", s.playersPeak());
        WindowStats last = s.lastWindow();
        if (last == null) {
            n.putNull("window_start");
            n.putNull("pps");
            n.putNull("bps");
            n.putNull("sources");
            n.putNull("sources_estimated");
        } else {
            n.put("window_start", last.startSecond());
            n.put("pps", last.pps());
            n.put("bps", last.bps());
            n.put("sources", last.distinctSources());
            n.put("sources_estimated", last.sourcesEstimated());
        }
        return n;
    }

    public ObjectNode serviceDetail(ServiceSnapshot s) {
        ObjectNode n = service(s);
        WindowStats last = s.lastWindow();
        if (last == null) n.putNull("last_window");
        else n.set("last_window", window(last));
        return n;
    }

    public ObjectNode player(PlayerSnapshot p) {
        ObjectNode n = NODES.objectNode();
        n.put("service", p.service());
        n.put("address", addresses.format(p.address()));
        n.put("first_seen", seconds(p.firstSeenNanos()));
        n.put("last_seen", seconds(p.lastSeenNanos()));
        n.put("packets_in", p.packetsIn());
        n.put("packets_out", p.packetsOut());
        n.put("bytes_in", p.bytesIn());
        n.put("bytes_out", p.bytesOut());
        if (p.joinedNanos() != 0) n.put("joined_at", seconds(p.joinedNanos()));
        else n.putNull("joined_at");
        n.put("left", p.left());
        if (p.left()) n.put("left_at", seconds(p.leftNanos()));
        else n.putNull("left_at");
        if (p.estimated()) n.put("estimated", true); // from sampled flow records: counts × the sampling rate
        return n;
    }

    public ObjectNode window(WindowStats w) {
        ObjectNode n = NODES.objectNode();
        n.put("start", w.startSecond());
        n.put("packets", w.packets());
        n.put("bytes", w.bytes());
        n.put("pps", w.pps());
        n.put("bps", w.bps());
        n.put("sources", w.distinctSources());
        n.put("sources_estimated", w.sourcesEstimated());
        n.put("new_sources", w.newSources());
        ArrayNode top = n.putArray("top_sources");
        for (SourceCount c : w.topSources()) {
            top.addObject()
                    .put("address", addresses.format(c.address()))
                    .put("packets", c.packets())
                    .put("bytes", c.bytes());
        }
        return n;
    }

    /**
     * An attack: {@code id, scope, target, service, kind, reason, severity, start, end, active,
     * current_pps, current_bps, peak_pps, peak_bps, packets, bytes, sources, multi_source,
     * spoofing_suspected, top_sources: [{address, packets}], top_source_ports: [{port, packets}],
     * sample_packets}. {@code service} is null for host and network incidents not tied to one
     * service; {@code end} is null while the attack lasts.
     */
    public ObjectNode incident(Incident i) {
        ObjectNode n = NODES.objectNode();
        n.put("id", i.id());
        n.put("scope", i.scope().label());
        n.put("target", i.target());
        n.put("service", i.service());
        n.put("kind", i.kind().label());
        n.put("reason", i.reason());
        n.put("severity", i.severity().label());
        n.put("start", seconds(i.startNanos()));
        if (i.active()) n.putNull("end");
        else n.put("end", seconds(i.endNanos()));
        n.put("active", i.active());
        n.put("current_pps", i.currentPps());
        n.put("current_bps", i.currentBps());
        n.put("peak_pps", i.peakPps());
        n.put("peak_bps", i.peakBps());
        n.put("packets", i.packets());
        n.put("bytes", i.bytes());
        n.put("sources", i.sources());
        n.put("multi_source", i.multiSource());
        n.put("spoofing_suspected", i.spoofingSuspected());
        ArrayNode top = n.putArray("top_sources");
        for (SourceCount c : i.topSources()) top.addObject().put("address", addresses.format(c.address())).put("packets", c.packets());
        ArrayNode ports = n.putArray("top_source_ports");
        for (PortCount c : i.topSourcePorts()) ports.addObject().put("port", c.port()).put("packets", c.packets());
        ObjectNode other = n.putObject("other_traffic"); // to the target, not the attack's vector
        other.put("packets", i.otherPackets()).put("bytes", i.otherBytes());
        ArrayNode otherTop = other.putArray("top_sources");
        for (SourceCount c : i.otherSources()) otherTop.addObject().put("address", addresses.format(c.address())).put("packets", c.packets());
        if (addresses.full()) blockRules(n, BlockRules.of(i, blockTimeout));
        n.put("sample_packets", i.sample().size());
        return n;
    }

    /** An incident's block rules for review: the addresses and the nftables and iptables/ipset forms. */
    public static void blockRules(ObjectNode n, BlockRules.Rules rules) {
        ObjectNode b = n.putObject("block_rules");
        ArrayNode a = b.putArray("addresses");
        rules.addresses().forEach(ip -> a.add(ip.toString()));
        b.put("timeout_seconds", rules.timeout().toSeconds());
        b.put("nftables", rules.nftables());
        b.put("iptables", rules.iptables());
    }

    public ArrayNode incidents(List<Incident> incidents) {
        ArrayNode a = NODES.arrayNode();
        incidents.forEach(i -> a.add(incident(i)));
        return a;
    }

    public ArrayNode services(List<ServiceSnapshot> services) {
        ArrayNode a = NODES.arrayNode();
        services.forEach(s -> a.add(service(s)));
        return a;
    }

    public ArrayNode players(List<PlayerSnapshot> players) {
        ArrayNode a = NODES.arrayNode();
        players.forEach(p -> a.add(player(p)));
        return a;
    }

    public ArrayNode windows(List<WindowStats> windows) {
        ArrayNode a = NODES.arrayNode();
        windows.forEach(w -> a.add(window(w)));
        return a;
    }

    /** An empty object from the same node factory, for callers wrapping these nodes. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }
}
