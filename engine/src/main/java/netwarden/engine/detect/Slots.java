package netwarden.engine.detect;

/**
 * The last second of one scope's traffic in ten 100 ms slots, per additive {@link Metric}.
 * Written per packet into the open slot; read at each slot close as a sliding one-second sum.
 * Slots are recycled lazily: whoever first touches a scope in a newer slot zeroes the ones skipped.
 */
final class Slots {
    static final int COUNT = 10;
    static final long SLOT_NANOS = 100_000_000L;
    private static final int M = Metric.ADDITIVE;
    private final long[] ring = new long[COUNT * M];
    private long open = Long.MIN_VALUE;

    /** Makes {@code slot} the open slot, zeroing every slot skipped since the previous one. */
    void roll(long slot) {
        if (slot <= open) return;
        long from = open == Long.MIN_VALUE ? slot - COUNT + 1 : open + 1;
        if (slot - from >= COUNT) from = slot - COUNT + 1;
        for (long s = from; s <= slot; s++) {
            int base = (int) Math.floorMod(s, (long) COUNT) * M;
            java.util.Arrays.fill(ring, base, base + M, 0);
        }
        open = slot;
    }

    /** Adds packets with {@code features}; {@code player} when they come from a player of the service. */
    void add(int features, long packets, long bytes, boolean player) {
        int b = (int) Math.floorMod(open, (long) COUNT) * M;
        ring[b + Metric.PPS.ordinal()] += packets;
        ring[b + Metric.BPS.ordinal()] += bytes * 8;
        if ((features & Features.UDP) != 0) ring[b + Metric.UDP.ordinal()] += packets;
        else if ((features & Features.TCP) != 0) ring[b + Metric.TCP.ordinal()] += packets;
        else if ((features & Features.ICMP) != 0) ring[b + Metric.ICMP.ordinal()] += packets;
        else ring[b + Metric.OTHER.ordinal()] += packets;
        if ((features & Features.SYN) != 0) ring[b + Metric.SYN.ordinal()] += packets;
        if ((features & Features.ACK_RST) != 0) ring[b + Metric.ACK_RST.ordinal()] += packets;
        if ((features & Features.FRAGMENT) != 0) ring[b + Metric.FRAGMENTS.ordinal()] += packets;
        if ((features & Features.LATER_FRAGMENT) != 0) ring[b + Metric.LATER_FRAGMENTS.ordinal()] += packets;
        if ((features & Features.REFLECTION) != 0) ring[b + Metric.REFLECTION.ordinal()] += packets;
        if ((features & Features.SYN_ACK) != 0) ring[b + Metric.SYN_ACK.ordinal()] += packets;
        if ((features & (Features.SYN_ACK | Features.RST)) != 0) ring[b + Metric.TCP_REFLECTION.ordinal()] += packets;
        if (!player) ring[b + Metric.NON_PLAYER.ordinal()] += packets;
    }

    void addNewSource() {
        ring[(int) Math.floorMod(open, (long) COUNT) * M + Metric.NEW_SOURCES.ordinal()]++;
    }

    /** Sum of the ten slots ending with the open one. */
    long sliding(Metric m) {
        long sum = 0;
        for (int i = 0; i < COUNT; i++) sum += ring[i * M + m.ordinal()];
        return sum;
    }

    /** Sum of the {@code n} slots ending with the open one (n ≤ {@link #COUNT}). */
    long last(Metric m, int n) {
        long sum = 0;
        for (int age = 0; age < n; age++) sum += slot(m, age);
        return sum;
    }

    /** Value of one slot within the last ten ({@code age} 0 = the open slot). */
    long slot(Metric m, int age) {
        return ring[(int) Math.floorMod(open - age, (long) COUNT) * M + m.ordinal()];
    }

    long openSlot() {
        return open;
    }
}
