package netwarden.ship.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import netwarden.ship.format.ShipRow;
import netwarden.store.BatchBuilder;
import netwarden.store.Rows;
import netwarden.store.Step;

/**
 * The store's rows as shipped rows and back: an agent ships exactly the {@link Rows.Batch} its local store would
 * get, a server turns them into the same rows with the agent column set to the <em>authenticated</em> agent (the
 * agent never names itself in a row, so it cannot write another's). Columns are the store's column names
 * (docs/shipping.md); rollups carry their {@code step} (1, 60, 3600). Pure: a row that does not convert is
 * counted by the caller through {@link Decoded#bad()}, never an exception.
 */
public final class RowsCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RowsCodec() {}

    /** Every row of {@code b} as a shipped row (the agent column is left out). */
    public static List<ShipRow> encode(Rows.Batch b) {
        List<ShipRow> out = new ArrayList<>(b.rows());
        for (Rows.Event r : b.events())
            out.add(new ShipRow("events", F.objectNode().put("ts_ms", r.tsMs()).put("kind", r.kind()).put("service", r.service())
                    .put("address", r.address()).put("country", r.country()).put("asn", r.asn()).put("flags", r.flags())
                    .put("incident_id", r.incidentId()).put("detail", r.detailJson())));
        for (Rows.Session r : b.sessions())
            out.add(new ShipRow("sessions", F.objectNode().put("service", r.service()).put("address", r.address())
                    .put("first_seen_ms", r.firstSeenMs()).put("last_seen_ms", r.lastSeenMs()).put("left_ms", r.leftMs())
                    .put("packets_in", r.packetsIn()).put("packets_out", r.packetsOut()).put("bytes_in", r.bytesIn())
                    .put("bytes_out", r.bytesOut()).put("country", r.country()).put("asn", r.asn()).put("flags", r.flags())
                    .put("name", r.name())));
        for (Rows.Incident r : b.incidents())
            out.add(new ShipRow("incidents", F.objectNode().put("id", r.id()).put("scope", r.scope()).put("target", r.target())
                    .put("service", r.service()).put("kind", r.kind()).put("severity", r.severity()).put("reason", r.reason())
                    .put("start_ms", r.startMs()).put("end_ms", r.endMs()).put("updated_ms", r.updatedMs())
                    .put("peak_pps", r.peakPps()).put("peak_bps", r.peakBps()).put("packets", r.packets()).put("bytes", r.bytes())
                    .put("sources", r.sources()).put("multi_source", r.multiSource()).put("spoofing", r.spoofing())
                    .put("top_sources", r.topSourcesJson()).put("top_ports", r.topPortsJson()).put("sample_pcap", r.samplePcap())));
        for (Rows.IncidentSource r : b.incidentSources())
            out.add(new ShipRow("incident_sources", F.objectNode().put("incident_id", r.incidentId()).put("address", r.address())
                    .put("country", r.country()).put("asn", r.asn()).put("packets", r.packets()).put("bytes", r.bytes())));
        for (Rows.IncidentPort r : b.incidentPorts())
            out.add(new ShipRow("incident_ports", F.objectNode().put("incident_id", r.incidentId()).put("port", r.port())
                    .put("packets", r.packets())));
        rollups(b.rollups1s(), Step.SECOND, out);
        rollups(b.rollups1m(), Step.MINUTE, out);
        rollups(b.rollups1h(), Step.HOUR, out);
        for (Rows.SourceMinute r : b.sourceMinutes())
            out.add(new ShipRow("source_summaries", F.objectNode().put("service", r.service()).put("ts", r.ts())
                    .put("address", r.address()).put("country", r.country()).put("asn", r.asn()).put("packets", r.packets())
                    .put("bytes", r.bytes()).put("sources", r.sources())));
        return out;
    }

    private static void rollups(List<Rows.Rollup> rs, Step step, List<ShipRow> out) {
        for (Rows.Rollup r : rs)
            out.add(new ShipRow(ShipRow.ROLLUPS, F.objectNode().put("service", r.service()).put("ts", r.ts()).put("step", step.seconds)
                    .put("packets", r.packets()).put("bytes", r.bytes()).put("peak_pps", r.peakPps()).put("peak_bps", r.peakBps())
                    .put("sources", r.sources()).put("players", r.players())));
    }

    /**
     * The rows of a received batch, as {@code agent}'s. {@code heartbeats} and tables this server does not keep
     * (connections, flows) are not rows; a row missing a required column or with a wrong type is counted in
     * {@code bad} and left out.
     */
    public record Decoded(Rows.Batch rows, int heartbeats, int bad, int notKept) {}

    public static Decoded decode(String agent, List<ShipRow> rows) {
        BatchBuilder b = Rows.Batch.builder();
        int heartbeats = 0, bad = 0, notKept = 0;
        for (ShipRow r : rows) {
            ObjectNode d = r.data();
            try {
                switch (r.table()) {
                    case "events" -> b.event(new Rows.Event(agent, num(d, "ts_ms"), text(d, "kind"), text(d, "service"),
                            opt(d, "address"), opt(d, "country"), num0(d, "asn"), opt(d, "flags"), opt(d, "incident_id"), text(d, "detail")));
                    case "sessions" -> b.session(new Rows.Session(agent, text(d, "service"), address(d, "address"),
                            num(d, "first_seen_ms"), num(d, "last_seen_ms"), num(d, "left_ms"), num(d, "packets_in"),
                            num(d, "packets_out"), num(d, "bytes_in"), num(d, "bytes_out"), opt(d, "country"), num0(d, "asn"),
                            opt(d, "flags"), opt(d, "name")));
                    case "incidents" -> b.incident(new Rows.Incident(agent, text(d, "id"), text(d, "scope"), text(d, "target"),
                            opt(d, "service"), text(d, "kind"), text(d, "severity"), text(d, "reason"), num(d, "start_ms"),
                            num(d, "end_ms"), num(d, "updated_ms"), num(d, "peak_pps"), num(d, "peak_bps"), num(d, "packets"),
                            num(d, "bytes"), num(d, "sources"), bool(d, "multi_source"), bool(d, "spoofing"), text(d, "top_sources"),
                            text(d, "top_ports"), opt(d, "sample_pcap"), 0, null));
                    case "incident_sources" -> b.incidentSource(new Rows.IncidentSource(agent, text(d, "incident_id"),
                            address(d, "address"), opt(d, "country"), num0(d, "asn"), num(d, "packets"), num(d, "bytes")));
                    case "incident_ports" -> b.incidentPort(new Rows.IncidentPort(agent, text(d, "incident_id"),
                            port(d), num(d, "packets")));
                    case ShipRow.ROLLUPS -> b.rollup(step(d), new Rows.Rollup(agent, text(d, "service"), num(d, "ts"),
                            num(d, "packets"), num(d, "bytes"), num(d, "peak_pps"), num(d, "peak_bps"), num(d, "sources"),
                            num(d, "players")));
                    case "source_summaries" -> {
                        String a = text(d, "address");
                        if (!Rows.SourceMinute.OTHERS.equals(a)) checkAddress(a);
                        b.sourceMinute(new Rows.SourceMinute(agent, text(d, "service"), num(d, "ts"), a, opt(d, "country"),
                                num0(d, "asn"), num(d, "packets"), num(d, "bytes"), num(d, "sources")));
                    }
                    case ShipRow.HEARTBEAT -> heartbeats++;
                    default -> notKept++;
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                bad++;
            }
        }
        return new Decoded(b.build(), heartbeats, bad, notKept);
    }

    private static long num(ObjectNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) throw new IllegalArgumentException(f + " is not an integer");
        return n.longValue();
    }

    private static long num0(ObjectNode d, String f) {
        JsonNode n = d.get(f);
        return n == null || n.isNull() ? 0 : num(d, f);
    }

    private static boolean bool(ObjectNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !n.isBoolean()) throw new IllegalArgumentException(f + " is not a boolean");
        return n.booleanValue();
    }

    private static String text(ObjectNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !n.isTextual()) throw new IllegalArgumentException(f + " is not text");
        return n.textValue();
    }

    private static String opt(ObjectNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new IllegalArgumentException(f + " is not text");
        return n.textValue();
    }

    private static String address(ObjectNode d, String f) {
        String a = text(d, f);
        checkAddress(a);
        return a;
    }

    /** The store parses addresses into its keys; a malformed one would fail the whole write, so it is caught here. */
    private static void checkAddress(String a) {
        if (a.indexOf(':') < 0 ? !dottedQuad(a) : a.length() > 45 || !a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'))
            throw new IllegalArgumentException("not an address: " + a);
        if (a.indexOf(':') >= 0) netwarden.model.Ip.parse(a); // no lookup: a literal only
    }

    private static boolean dottedQuad(String s) {
        int part = 0, digits = 0, dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                part = part * 10 + (ch - '0');
                if (++digits > 3 || part > 255) return false;
            } else if (ch == '.' && digits > 0 && dots < 3) {
                part = 0;
                digits = 0;
                dots++;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    private static int port(ObjectNode d) {
        long p = num(d, "port");
        if (p < 0 || p > 65535) throw new IllegalArgumentException("port out of range: " + p);
        return (int) p;
    }

    private static Step step(ObjectNode d) {
        long s = num(d, "step");
        for (Step st : Step.values()) if (st.seconds == s) return st;
        throw new IllegalArgumentException("step must be 1, 60 or 3600: " + s);
    }
}
