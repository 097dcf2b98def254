package netwarden.app.config;

import java.util.Locale;
import netwarden.engine.EngineConfig;

/**
 * Refuses table sizes the heap cannot hold, before anything starts: {@code flows.capacity: 50000000}
 * used to pass the check and then end the process with OutOfMemoryError. A flow (the per-(service,
 * source) entry: a key of three longs, counters, player state, its ring slot and index slot) takes
 * about {@value #FLOW_BYTES} bytes; the flow table may use at most {@value #SHARE_PERCENT}% of the
 * heap, the rest is for windows, detection, the HTTP server and the JVM itself.
 */
final class HeapBudget {
    static final long FLOW_BYTES = 200;
    static final int SHARE_PERCENT = 60;

    private HeapBudget() {}

    static void check(Binding b, EngineConfig engine, long maxHeap) {
        if (maxHeap <= 0 || maxHeap == Long.MAX_VALUE) return; // no limit known
        long capacity = engine.flowCapacity();
        long budget = maxHeap / 100 * SHARE_PERCENT;
        long needed = capacity * FLOW_BYTES;
        if (needed <= budget) return;
        long fits = budget / FLOW_BYTES;
        b.problem("flows.capacity", capacity, String.format(Locale.ROOT,
                "flows.capacity %d needs about %s of heap when the table is full (%d bytes a flow), the heap is %s",
                capacity, size(needed), FLOW_BYTES, size(maxHeap)), String.format(Locale.ROOT,
                "lower it to at most %d, or raise the heap (-Xmx%dg, e.g. NETWARDEN_JAVA_OPTS=\"-Xmx%dg\")",
                fits, gib(needed * 100 / SHARE_PERCENT), gib(needed * 100 / SHARE_PERCENT)));
    }

    private static long gib(long bytes) {
        return Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
