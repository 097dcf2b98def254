package netwarden.store;

import java.util.List;

/** The router tables' rows as value arrays in {@link Columns} order (addresses with their two key columns). */
final class RouterColumns {
    private RouterColumns() {}

    static void values(Table t, Rows.Batch b, List<Object[]> out) {
        switch (t) {
            case ROUTER_CONNECTIONS -> b.connections().forEach(r -> out.add(row(r.agent(), address(r.device()), address(r.remote()),
                    (long) r.proto(), (long) r.port(), r.packetsOut(), r.bytesOut(), r.packetsIn(), r.bytesIn(), r.domain(), r.country(),
                    r.asn(), r.firstSeenMs(), r.lastSeenMs())));
            case ROUTER_DNS -> b.dns().forEach(r -> out.add(row(r.agent(), r.tsMs(), address(r.device()), r.action(), r.name(),
                    r.qtype(), r.answer())));
            case ROUTER_FIREWALL -> b.firewall().forEach(r -> out.add(row(r.agent(), r.tsMs(), r.action(), r.prefix(), (long) r.group(),
                    address(r.device()), address(r.remote()), (long) r.proto(), (long) r.port(), (long) r.length())));
            case DEVICES -> b.devices().forEach(r -> out.add(row(r.agent(), address(r.address()), r.mac(), r.name(), r.firstSeenMs(),
                    r.lastSeenMs())));
            case ANOMALIES -> b.anomalies().forEach(r -> out.add(row(r.agent(), r.tsMs(), address(r.device()), r.code(),
                    (long) r.score(), r.evidence(), address(r.remote()), (long) r.port(), r.incidentId())));
            default -> throw new IllegalArgumentException("not a router table: " + t);
        }
    }

    /** An address and its key columns, spliced into a row by {@link #row}. */
    private record Address(String text, Long hi, Long lo) {}

    private static Address address(String text) {
        AddressKey k = Columns.key(text);
        return new Address(text, k == null ? null : k.hi(), k == null ? null : k.lo());
    }

    private static Object[] row(Object... values) {
        int n = 0;
        for (Object v : values) n += v instanceof Address ? 3 : 1;
        Object[] out = new Object[n];
        int i = 0;
        for (Object v : values) {
            if (v instanceof Address a) {
                out[i++] = a.text();
                out[i++] = a.hi();
                out[i++] = a.lo();
            } else {
                out[i++] = v;
            }
        }
        return out;
    }
}
