package netwarden.app.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceSnapshot;
import netwarden.model.TrafficRow;
import netwarden.wire.AddressFormat;
import netwarden.wire.JsonText;
import netwarden.wire.SnapshotJson;

/**
 * The replay report as one line of JSON, fields in the documented order (README, "Replay JSON").
 * Timestamps are epoch seconds as plain JSON numbers; addresses are written in full (replay is a
 * local forensic command). Players carry {@code joined_at} and {@code left_at} beside {@code left}
 * so a leave can be timed. Attacks are the API's incident objects.
 */
public final class ReplayJson {
    private ReplayJson() {}

    /** @param blockTimeout how long the attacks' block rules block ({@code detection.block-timeout}) */
    public static String line(ReplayReport r, java.time.Duration blockTimeout) {
        return JsonText.write(tree(r, blockTimeout));
    }

    /** Attacks as in the API, with source addresses in full. */
    public static ObjectNode tree(ReplayReport r, java.time.Duration blockTimeout) {
        ObjectNode n = SnapshotJson.object();
        n.put("file", r.file());
        n.put("format", r.format());
        ArrayNode links = n.putArray("link_types");
        r.linkTypes().forEach(links::add);
        n.put("frames", r.frames());
        n.put("non_ip_frames", r.nonIpFrames());
        n.put("truncated_frames", r.truncatedFrames());
        n.put("read_error", r.readError());
        if (r.hasFrames()) {
            n.put("first_ts", SnapshotJson.seconds(r.firstTsNanos()));
            n.put("last_ts", SnapshotJson.seconds(r.lastTsNanos()));
        } else {
            n.putNull("first_ts");
            n.putNull("last_ts");
        }
        ArrayNode traffic = n.putArray("traffic");
        r.traffic().forEach(row -> traffic.add(row(row)));
        ArrayNode services = n.putArray("services");
        r.services().forEach(s -> services.add(service(s)));
        ArrayNode players = n.putArray("players");
        r.players().forEach(p -> players.add(player(p)));
        n.set("attacks", new SnapshotJson(AddressFormat.fullAddresses(), blockTimeout).incidents(r.attacks()));
        return n;
    }

    private static ObjectNode row(TrafficRow t) {
        ObjectNode n = SnapshotJson.object();
        n.put("ip_version", t.ipVersion());
        n.put("proto", t.proto() < 0 ? "unknown" : Proto.name(t.proto())); // unknown: IP header there but unreadable, as tshark's truth says
        if (t.dstPort() < 0) n.putNull("dst_port");
        else n.put("dst_port", t.dstPort());
        n.put("packets", t.packets());
        n.put("wire_bytes", t.wireBytes());
        n.put("captured_bytes", t.capturedBytes());
        n.put("ip_bytes", t.ipBytes());
        n.put("unique_sources", t.uniqueSources());
        n.put("syn_only", t.synOnly());
        n.put("first_fragments", t.firstFragments());
        n.put("nonfirst_fragments", t.nonfirstFragments());
        return n;
    }

    private static ObjectNode service(ServiceSnapshot s) {
        ObjectNode n = SnapshotJson.object();
        n.put("id", s.id());
        n.put("address", s.key().address().toString());
        n.put("proto", Proto.name(s.key().proto()));
        n.put("port", s.key().port());
        n.put("packets_in", s.packetsIn());
        n.put("bytes_in", s.bytesIn());
        n.put("peak_pps", s.peakPps());
        n.put("players_peak", s.playersPeak());
        n.put("players_now", s.playersNow());
        return n;
    }

    private static ObjectNode player(PlayerSnapshot p) {
        ObjectNode n = SnapshotJson.object();
        n.put("service", p.service());
        n.put("address", p.address().toString());
        n.put("first_seen", SnapshotJson.seconds(p.firstSeenNanos()));
        n.put("last_seen", SnapshotJson.seconds(p.lastSeenNanos()));
        n.put("packets_in", p.packetsIn());
        n.put("packets_out", p.packetsOut());
        n.put("left", p.left());
        if (p.joinedNanos() != 0) n.put("joined_at", SnapshotJson.seconds(p.joinedNanos()));
        else n.putNull("joined_at");
        if (p.left()) n.put("left_at", SnapshotJson.seconds(p.leftNanos()));
        else n.putNull("left_at");
        return n;
    }
}
