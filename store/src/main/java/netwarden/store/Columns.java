package netwarden.store;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;

/** Column lists of the tables a batch writes, in table order, and a batch's rows as value arrays in that order. */
final class Columns {
    private Columns() {}

    static final List<String> EVENTS = List.of("agent", "ts_ms", "kind", "service", "address", "addr_hi", "addr_lo",
            "country", "asn", "flags", "incident_id", "detail");
    static final List<String> ROLLUP = List.of("agent", "service", "ts", "packets", "bytes", "peak_pps", "peak_bps",
            "sources", "players");
    static final List<String> SOURCE_MINUTES = List.of("agent", "service", "ts", "address", "addr_hi", "addr_lo",
            "country", "asn", "packets", "bytes", "sources");

    static final List<String> FLOW_MINUTES = List.of("agent", "ts", "exporter", "in_if", "out_if", "src", "src_addr_hi", "src_addr_lo",
            "dst", "dst_addr_hi", "dst_addr_lo", "src_port", "dst_port", "proto", "packets", "bytes", "flows");

    static final List<String> SESSIONS = List.of("agent", "service", "address", "addr_hi", "addr_lo", "first_seen_ms",
            "last_seen_ms", "left_ms", "packets_in", "packets_out", "bytes_in", "bytes_out", "country", "asn", "flags", "name");
    static final List<String> INCIDENTS = List.of("agent", "id", "scope", "target", "service", "kind", "severity", "reason",
            "start_ms", "end_ms", "updated_ms", "peak_pps", "peak_bps", "packets", "bytes", "sources", "multi_source",
            "spoofing", "top_sources", "top_ports", "sample_pcap", "acked_ms", "acked_by");
    static final List<String> INCIDENT_SOURCES = List.of("agent", "incident_id", "address", "addr_hi", "addr_lo", "country",
            "asn", "packets", "bytes");
    static final List<String> INCIDENT_PORTS = List.of("agent", "incident_id", "port", "packets");

    static final List<String> ROUTER_CONNECTIONS = List.of("agent", "device", "dev_hi", "dev_lo", "remote", "addr_hi", "addr_lo",
            "proto", "port", "packets_out", "bytes_out", "packets_in", "bytes_in", "domain", "country", "asn", "first_seen_ms",
            "last_seen_ms");
    static final List<String> ROUTER_DNS = List.of("agent", "ts_ms", "device", "dev_hi", "dev_lo", "action", "name", "qtype", "answer");
    static final List<String> ROUTER_FIREWALL = List.of("agent", "ts_ms", "action", "prefix", "nflog_group", "device", "dev_hi",
            "dev_lo", "remote", "addr_hi", "addr_lo", "proto", "port", "length");
    static final List<String> DEVICES = List.of("agent", "address", "addr_hi", "addr_lo", "mac", "name", "first_seen_ms", "last_seen_ms");
    static final List<String> ANOMALIES = List.of("agent", "ts_ms", "device", "dev_hi", "dev_lo", "code", "score", "evidence",
            "remote", "addr_hi", "addr_lo", "port", "incident_id");

    static List<String> of(Table t) {
        return switch (t) {
            case EVENTS -> EVENTS;
            case ROLLUP_1S, ROLLUP_1M, ROLLUP_1H -> ROLLUP;
            case SOURCE_MINUTES -> SOURCE_MINUTES;
            case FLOW_MINUTES -> FLOW_MINUTES;
            case SESSIONS -> SESSIONS;
            case INCIDENTS -> INCIDENTS;
            case INCIDENT_SOURCES -> INCIDENT_SOURCES;
            case INCIDENT_PORTS -> INCIDENT_PORTS;
            case ROUTER_CONNECTIONS -> ROUTER_CONNECTIONS;
            case ROUTER_DNS -> ROUTER_DNS;
            case ROUTER_FIREWALL -> ROUTER_FIREWALL;
            case DEVICES -> DEVICES;
            case ANOMALIES -> ANOMALIES;
            case INCIDENT_NOTES -> throw new IllegalArgumentException("notes are written one at a time");
        };
    }

    /** A table's rows of a batch as value arrays (sessions and incidents may repeat a key: dedupe first). */
    static List<Object[]> values(Table t, Rows.Batch b) {
        List<Object[]> out = new ArrayList<>(b.rows(t));
        switch (t) {
            case EVENTS -> b.events().forEach(r -> {
                AddressKey k = key(r.address());
                out.add(new Object[] {r.agent(), r.tsMs(), r.kind(), r.service(), r.address(), k == null ? null : k.hi(),
                        k == null ? null : k.lo(), r.country(), r.asn(), r.flags(), r.incidentId(), r.detailJson()});
            });
            case ROLLUP_1S -> b.rollups1s().forEach(r -> out.add(rollup(r)));
            case ROLLUP_1M -> b.rollups1m().forEach(r -> out.add(rollup(r)));
            case ROLLUP_1H -> b.rollups1h().forEach(r -> out.add(rollup(r)));
            case SOURCE_MINUTES -> b.sourceMinutes().forEach(r -> {
                AddressKey k = r.others() ? null : key(r.address());
                out.add(new Object[] {r.agent(), r.service(), r.ts(), r.address(), k == null ? null : k.hi(),
                        k == null ? null : k.lo(), r.country(), r.asn(), r.packets(), r.bytes(), r.sources()});
            });
            case FLOW_MINUTES -> b.flowMinutes().forEach(r -> {
                AddressKey s = r.others() ? null : key(r.src()), d = r.others() ? null : key(r.dst());
                out.add(new Object[] {r.agent(), r.ts(), r.exporter(), r.inIf(), r.outIf(), r.src(), s == null ? null : s.hi(),
                        s == null ? null : s.lo(), r.dst(), d == null ? null : d.hi(), d == null ? null : d.lo(), (long) r.srcPort(),
                        (long) r.dstPort(), (long) r.proto(), r.packets(), r.bytes(), r.flows()});
            });
            case SESSIONS -> b.sessions().forEach(r -> {
                AddressKey k = key(r.address());
                out.add(new Object[] {r.agent(), r.service(), r.address(), k.hi(), k.lo(), r.firstSeenMs(), r.lastSeenMs(),
                        r.leftMs(), r.packetsIn(), r.packetsOut(), r.bytesIn(), r.bytesOut(), r.country(), r.asn(), r.flags(),
                        r.name()});
            });
            case INCIDENTS -> b.incidents().forEach(r -> out.add(new Object[] {r.agent(), r.id(), r.scope(), r.target(),
                    r.service(), r.kind(), r.severity(), r.reason(), r.startMs(), r.endMs(), r.updatedMs(), r.peakPps(),
                    r.peakBps(), r.packets(), r.bytes(), r.sources(), r.multiSource(), r.spoofing(), r.topSourcesJson(),
                    r.topPortsJson(), r.samplePcap(), 0L, null}));
            case INCIDENT_SOURCES -> b.incidentSources().forEach(r -> {
                AddressKey k = key(r.address());
                out.add(new Object[] {r.agent(), r.incidentId(), r.address(), k.hi(), k.lo(), r.country(), r.asn(),
                        r.packets(), r.bytes()});
            });
            case INCIDENT_PORTS -> b.incidentPorts().forEach(r -> out.add(new Object[] {r.agent(), r.incidentId(),
                    (long) r.port(), r.packets()}));
            case ROUTER_CONNECTIONS, ROUTER_DNS, ROUTER_FIREWALL, DEVICES, ANOMALIES -> RouterColumns.values(t, b, out);
            case INCIDENT_NOTES -> throw new IllegalArgumentException("notes are written one at a time");
        }
        return out;
    }

    private static Object[] rollup(Rows.Rollup r) {
        return new Object[] {r.agent(), r.service(), r.ts(), r.packets(), r.bytes(), r.peakPps(), r.peakBps(),
                r.sources(), r.players()};
    }

    /** The key of an address, or null for null; a malformed address fails the batch (rows are built from Ip). */
    static AddressKey key(String address) {
        if (address == null) return null;
        int v4 = dottedQuad(address);
        return AddressKey.of(v4 != -1 || "255.255.255.255".equals(address) ? Ip.ofV4(v4) : Ip.parse(address));
    }

    /** A plain a.b.c.d address as an int without the JDK's resolver (the write path parses every row), else -1. */
    static int dottedQuad(String s) {
        int value = 0, part = 0, digits = 0, dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                part = part * 10 + (ch - '0');
                if (++digits > 3 || part > 255) return -1;
            } else if (ch == '.' && digits > 0 && dots < 3) {
                value = (value << 8) | part;
                part = 0;
                digits = 0;
                dots++;
            } else {
                return -1;
            }
        }
        if (dots != 3 || digits == 0) return -1;
        return (value << 8) | part;
    }
}
