package netwarden.store;

import java.util.HashMap;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.model.ingest.FlowRecord;

/**
 * Flow records summed per minute (of their end), exporter, interface pair and 5-tuple, sampling rate
 * applied, into {@link Rows.FlowMinute} rows. Bounded: beyond {@code maxKeys} open keys a record is
 * summed into its exporter's "others" row of that minute, so totals stay exact while rows stay few.
 * Pure and single-threaded (the collector's decode thread); {@link #flush} hands over every open row.
 */
public final class FlowMinuteAccumulator {
    private record Key(long ts, Ip exporter, int inIf, int outIf, Ip src, Ip dst, int srcPort, int dstPort, int proto) {}

    private final String agent;
    private final int maxKeys;
    private final Map<Key, long[]> open = new HashMap<>();

    public FlowMinuteAccumulator(String agent, int maxKeys) {
        if (maxKeys < 1) throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        this.agent = agent;
        this.maxKeys = maxKeys;
    }

    public void add(FlowRecord r) {
        long second = Math.floorDiv(r.endNanos(), 1_000_000_000L);
        long ts = second - Math.floorMod(second, 60);
        Key k = new Key(ts, r.exporter(), r.inIf(), r.outIf(), r.src(), r.dst(), r.srcPort(), r.dstPort(), r.proto());
        long[] c = open.get(k);
        if (c == null) {
            if (open.size() >= maxKeys) k = new Key(ts, r.exporter(), -1, -1, null, null, -1, -1, 0);
            c = open.computeIfAbsent(k, x -> new long[3]);
        }
        c[0] += r.scaledPackets();
        c[1] += r.scaledBytes();
        c[2]++;
    }

    /** Rows held. */
    public int size() {
        return open.size();
    }

    /** Adds a row per open key to {@code out} and forgets them. */
    public void flush(BatchBuilder out) {
        open.forEach((k, c) -> out.flowMinute(new Rows.FlowMinute(agent, k.ts(), k.exporter().toString(), k.inIf(), k.outIf(),
                k.src() == null ? Rows.FlowMinute.OTHERS : k.src().toString(), k.dst() == null ? Rows.FlowMinute.OTHERS : k.dst().toString(),
                k.srcPort(), k.dstPort(), k.proto(), c[0], c[1], c[2])));
        open.clear();
    }
}
