package netwarden.sources.router;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one router source moved, read by {@link RouterMetrics} at scrape time: events by kind,
 * bytes, receive-buffer overruns, re-syncs and parse errors by reason.
 */
public final class RouterCounters {
    private final String source;
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder(), overruns = new LongAdder(), resyncs = new LongAdder();

    public RouterCounters(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void event(String kind) {
        events.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public void parseError(String reason) {
        errors.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    public void bytes(long n) {
        bytes.add(n);
    }

    void overrun() {
        overruns.increment();
    }

    void resync() {
        resyncs.increment();
    }

    public Map<String, Long> events() {
        return snapshot(events);
    }

    public Map<String, Long> parseErrors() {
        return snapshot(errors);
    }

    public long bytes() {
        return bytes.sum();
    }

    public long overruns() {
        return overruns.sum();
    }

    public long resyncs() {
        return resyncs.sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        var out = new TreeMap<String, Long>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
