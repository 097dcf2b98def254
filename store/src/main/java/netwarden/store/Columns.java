package netwarden.store;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;

/** Column lists of the append-only tables and the rows as value arrays in that order. */
final class Columns {
    private Columns() {}

    static final List<String> EVENTS = List.of("agent", "ts_ms", "kind", "service", "address", "addr_hi", "addr_lo",
            "country", "asn", "flags", "incident_id", "detail");
    static final List<String> ROLLUP = List.of("agent", "service", "ts", "packets", "bytes", "peak_pps", "peak_bps",
            "sources", "players");
    static final List<String> SOURCE_MINUTES = List.of("agent", "service", "ts", "address", "addr_hi", "addr_lo",
            "country", "asn", "packets", "bytes", "sources");

    static List<String> of(Table t) {
        return switch (t) {
            case EVENTS -> EVENTS;
            case ROLLUP_1S, ROLLUP_1M, ROLLUP_1H -> ROLLUP;
            case SOURCE_MINUTES -> SOURCE_MINUTES;
            default -> throw new IllegalArgumentException("not an append-only table: " + t);
        };
    }

    /** The append-only tables' rows of a batch as value arrays. */
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
            default -> throw new IllegalArgumentException("not an append-only table: " + t);
        }
        return out;
    }

    private static Object[] rollup(Rows.Rollup r) {
        return new Object[] {r.agent(), r.service(), r.ts(), r.packets(), r.bytes(), r.peakPps(), r.peakBps(),
                r.sources(), r.players()};
    }

    /** The key of an address, or null for null; a malformed address fails the batch (rows are built from Ip). */
    static AddressKey key(String address) {
        return address == null ? null : AddressKey.of(Ip.parse(address));
    }
}
