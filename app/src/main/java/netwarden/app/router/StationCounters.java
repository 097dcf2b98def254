package netwarden.app.router;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the router station did, by kind ({@code netwarden_router_station_total{kind}}): connections stored, hits
 * and duplicates, incidents opened and ended, inputs dropped because the queue was full, connections not tracked
 * (table full) or lost (ended during an overrun), records that were not about the LAN. Read at scrape time.
 */
final class StationCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void event(String kind) {
        add(kind, 1);
    }

    void add(String kind, long n) {
        if (n > 0) counts.computeIfAbsent(kind, k -> new LongAdder()).add(n);
    }

    long get(String kind) {
        LongAdder a = counts.get(kind);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        var out = new TreeMap<String, Long>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
