package netwarden.sources.live;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one live source on one interface has moved and lost; written by the source's own threads,
 * read by metric scrapes. Every counter only grows; {@link #mapFill()} is a gauge.
 *
 * <p>Drop reasons: {@code kernel} (the kernel buffer overflowed, libpcap ps_drop), {@code interface}
 * (the NIC or driver dropped, ps_ifdrop or /proc/net/dev), {@code handoff} (the pipeline's hand-off
 * was full), {@code map} (the eBPF program could not insert a counter), {@code late} (an eBPF read
 * cycle ran so late that a second's data may mix with the next), {@code unattributed} (evicted
 * eBPF packets on a port whose local address was never seen).
 */
public final class CaptureCounters {
    public static final String KERNEL = "kernel", INTERFACE = "interface", HANDOFF = "handoff";

    private final String source;
    private final String iface;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong readCycles = new AtomicLong();
    private final AtomicLong readCycleNanos = new AtomicLong();
    private final Map<String, AtomicLong> drops = new ConcurrentHashMap<>();
    private volatile double mapFill;

    public CaptureCounters(String source, String iface) {
        this.source = Objects.requireNonNull(source, "source");
        this.iface = Objects.requireNonNull(iface, "interface");
        for (String r : new String[] {KERNEL, INTERFACE, HANDOFF}) drops.put(r, new AtomicLong());
    }

    public String source() { return source; }
    public String iface() { return iface; }

    public void addPackets(long n, long b) {
        packets.addAndGet(n);
        bytes.addAndGet(b);
    }

    public void addDrops(String reason, long n) {
        if (n > 0) drops.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(n);
    }

    /** Raises a cumulative drop count reported by the kernel to {@code total} (never lowers it). */
    public void dropsAtLeast(String reason, long total) {
        drops.computeIfAbsent(reason, r -> new AtomicLong()).accumulateAndGet(total, Math::max);
    }

    public void addEvictions(long n) {
        if (n > 0) evictions.addAndGet(n);
    }

    public void setMapFill(double ratio) {
        mapFill = ratio;
    }

    public void readCycle(long nanos) {
        readCycles.incrementAndGet();
        readCycleNanos.addAndGet(nanos);
    }

    public long packets() { return packets.get(); }
    public long bytes() { return bytes.get(); }
    public long evictions() { return evictions.get(); }
    public double mapFill() { return mapFill; }
    public long readCycles() { return readCycles.get(); }
    public double readCycleSeconds() { return readCycleNanos.get() / 1e9; }

    public long drops(String reason) {
        AtomicLong a = drops.get(reason);
        return a == null ? 0 : a.get();
    }

    /** Drop counts by reason, a copy. */
    public Map<String, Long> drops() {
        var out = new java.util.TreeMap<String, Long>();
        drops.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public String toString() {
        return source + ":" + iface + " packets=" + packets() + " bytes=" + bytes() + " drops=" + drops()
                + " evictions=" + evictions();
    }
}
