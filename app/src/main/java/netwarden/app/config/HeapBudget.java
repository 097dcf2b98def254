package netwarden.app.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Refuses table sizes the heap cannot hold, before anything starts: {@code flows.capacity: 50000000}
 * used to pass the check and then end the process with OutOfMemoryError. Each sized table is counted
 * full, at an estimate of its bytes per entry (the object, its slot in the table, the index over it);
 * together they may use at most {@value #SHARE_PERCENT}% of the heap — the rest is for windows,
 * detection, the HTTP server and the JVM itself. The problem is reported at the largest table. Only
 * tables a flood or a stall can fill are counted (flows, the enrichment cache, the notification
 * queue); the returning-player store grows with real players only.
 */
final class HeapBudget {
    static final int SHARE_PERCENT = 60;
    /** A flow: a key of three longs, counters, player state, its ring slot and index slot. */
    static final long FLOW_BYTES = 200;
    /** A cached enrichment: the entry record, its slot and its share of the answer objects. */
    static final long ENRICH_CACHE_BYTES = 80;
    /** A notification event waiting in the router's queue. */
    static final long QUEUED_EVENT_BYTES = 200;

    private record Table(String key, long entries, long bytesEach) {
        long bytes() {
            return entries * bytesEach;
        }
    }

    private HeapBudget() {}

    static void check(Binding b, NetwardenConfig c, long maxHeap) {
        if (maxHeap <= 0 || maxHeap == Long.MAX_VALUE) return; // no limit known
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("flows.capacity", c.engine().flowCapacity(), FLOW_BYTES));
        if (c.enrich().enrich().enabled()) tables.add(new Table("enrich.cache-size", c.enrich().enrich().cacheSize(), ENRICH_CACHE_BYTES));
        tables.add(new Table("notify.queue-capacity", c.notifications().queueCapacity(), QUEUED_EVENT_BYTES));
        long budget = maxHeap / 100 * SHARE_PERCENT;
        long needed = tables.stream().mapToLong(Table::bytes).sum();
        if (needed <= budget) return;
        Table largest = tables.stream().max(Comparator.comparingLong(Table::bytes)).orElseThrow();
        long others = needed - largest.bytes();
        long fits = Math.max(0, (budget - others) / largest.bytesEach());
        String parts = tables.stream().filter(t -> t.bytes() >= needed / 100)
                .map(t -> t.key() + " " + t.entries() + " × " + t.bytesEach() + " B = " + size(t.bytes()))
                .collect(Collectors.joining(", "));
        long xmx = gib(needed * 100 / SHARE_PERCENT);
        b.problem(largest.key(), largest.entries(), String.format(Locale.ROOT,
                "%s %d: the tables sized in the config need about %s of heap when full (%s), more than %d%% of the heap (%s)",
                largest.key(), largest.entries(), size(needed), parts, SHARE_PERCENT, size(maxHeap)), String.format(Locale.ROOT,
                "lower it to at most %d, or raise the heap to -Xmx%dg (NETWARDEN_JAVA_OPTS=\"-Xmx%dg\")", fits, xmx, xmx));
    }

    private static long gib(long bytes) {
        return Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
