package netwarden.sources.live;

import java.util.concurrent.atomic.AtomicLong;
import netwarden.model.Packet;

/**
 * A bounded single-producer single-consumer ring of pre-aggregated counts ("these packets and
 * bytes all looked like this packet"), from a reader thread (eBPF, /proc) to the pipeline thread.
 *
 * <p>Design notes: fixed 10-long slots in one {@code long[]}; plain writes to a slot are published
 * by a release store of the write position and read after an acquire load, so no locks are taken.
 * {@link #offer} never blocks: when full it drops the aggregate and counts its packets as
 * {@code handoff} drops.
 */
public final class AggregateRing {
    private static final int STRIDE = 10;

    private final long[] slots;
    private final int capacity;
    private final int mask;
    private final AtomicLong writePos = new AtomicLong();
    private final AtomicLong readPos = new AtomicLong();
    private final CaptureCounters counters;
    private final Runnable wakeup;
    private long cachedRead;

    /** Receives one aggregate in {@code p} (valid only during the call). */
    @FunctionalInterface
    public interface AggregateSink {
        void aggregate(Packet p, long packets, long bytes);
    }

    public AggregateRing(int entries, CaptureCounters counters, Runnable wakeup) {
        if (entries < 2) throw new IllegalArgumentException("entries must be at least 2: " + entries);
        this.capacity = Integer.highestOneBit(entries - 1) << 1;
        this.mask = capacity - 1;
        this.slots = new long[capacity * STRIDE];
        this.counters = counters;
        this.wakeup = wakeup;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Queues {@code packets}/{@code bytes} described by {@code p} (timestamp, addresses, ports,
     * protocol, TCP flags, payload length); false when full. Producer thread only. Call
     * {@link #publish()} after a batch so the pipeline wakes once, not per aggregate.
     */
    public boolean offer(Packet p, long packets, long bytes) {
        long w = writePos.getPlain();
        if (w - cachedRead >= capacity) {
            cachedRead = readPos.getAcquire();
            if (w - cachedRead >= capacity) {
                counters.addDrops(CaptureCounters.HANDOFF, packets);
                return false;
            }
        }
        int at = (int) (w & mask) * STRIDE;
        slots[at] = p.tsNanos;
        slots[at + 1] = p.srcHi;
        slots[at + 2] = p.srcLo;
        slots[at + 3] = p.dstHi;
        slots[at + 4] = p.dstLo;
        slots[at + 5] = ((long) p.srcPort << 32) | (p.dstPort & 0xffff_ffffL);
        slots[at + 6] = (p.ipVersion & 0xffL) | ((p.proto & 0xffffL) << 8) | ((p.tcpFlags & 0xffffL) << 24)
                | (p.srcKnown ? 1L << 40 : 0);
        slots[at + 7] = p.payloadLen;
        slots[at + 8] = packets;
        slots[at + 9] = bytes;
        writePos.setRelease(w + 1);
        return true;
    }

    /** Wakes the pipeline for what was offered since the last call (once per batch, so it can afford a fence). */
    public void publish() {
        java.lang.invoke.VarHandle.fullFence(); // the write position must be visible before "sleeping" is read
        wakeup.run();
    }

    /** Hands up to {@code max} aggregates to {@code sink} in {@code p}; returns how many. Consumer thread only. */
    public int drain(Packet p, AggregateSink sink, int max) {
        long r = readPos.getPlain();
        long w = writePos.getAcquire();
        int n = 0;
        for (; r < w && n < max; r++, n++) {
            int at = (int) (r & mask) * STRIDE;
            p.reset();
            p.tsNanos = slots[at];
            p.srcHi = slots[at + 1];
            p.srcLo = slots[at + 2];
            p.dstHi = slots[at + 3];
            p.dstLo = slots[at + 4];
            p.srcPort = (int) (slots[at + 5] >> 32);
            p.dstPort = (int) slots[at + 5];
            long meta = slots[at + 6];
            p.ipVersion = (int) (meta & 0xff);
            p.proto = (short) (meta >>> 8);
            p.tcpFlags = (short) (meta >>> 24);
            p.srcKnown = (meta & 1L << 40) != 0;
            p.payloadLen = (int) slots[at + 7];
            long packets = slots[at + 8];
            p.wireLen = p.capLen = packets > 0 ? (int) Math.min(Integer.MAX_VALUE, slots[at + 9] / packets) : 0;
            sink.aggregate(p, slots[at + 8], slots[at + 9]);
        }
        readPos.setRelease(r);
        return n;
    }

    public boolean isEmpty() {
        return readPos.getAcquire() == writePos.getAcquire();
    }
}
