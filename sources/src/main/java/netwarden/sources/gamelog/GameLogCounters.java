package netwarden.sources.gamelog;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one game log tail has read and skipped; written by its thread, read by metric scrapes; every
 * counter only grows. {@code skipped(reason)}: {@code bad} (a row the format does not allow),
 * {@code too_long}, {@code ignored} (an unknown action or a line no rule matches), {@code orphan_leave}
 * (a leave without its join), {@code partial} (a rotated file ended mid-line).
 */
public final class GameLogCounters {
    public static final String BAD = "bad", TOO_LONG = "too_long", IGNORED = "ignored", ORPHAN_LEAVE = "orphan_leave",
            PARTIAL = "partial";

    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rotations = new AtomicLong();
    private final AtomicLong truncations = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private final AtomicLong bookmarkErrors = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    public GameLogCounters() {
        for (GameLogAction a : GameLogAction.values()) events.put(a.logName(), new AtomicLong());
        for (String r : new String[] {BAD, TOO_LONG, IGNORED, ORPHAN_LEAVE, PARTIAL}) skipped.put(r, new AtomicLong());
    }

    void line() { lines.incrementAndGet(); }
    void bytes(long n) { bytes.addAndGet(n); }
    void rotation() { rotations.incrementAndGet(); }
    void truncation() { truncations.incrementAndGet(); }
    void resume() { resumes.incrementAndGet(); }
    void bookmarkError() { bookmarkErrors.incrementAndGet(); }
    void listenerError() { listenerErrors.incrementAndGet(); }
    void event(GameLogAction a) { events.get(a.logName()).incrementAndGet(); }
    void skip(String reason) { skipped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet(); }

    /** Complete lines read. */
    public long lines() { return lines.get(); }
    /** Bytes read from the log (a log started at its end reads none of its history). */
    public long bytes() { return bytes.get(); }
    /** Rotations by rename (a new file at the path). */
    public long rotations() { return rotations.get(); }
    /** Truncations in place (copy-truncate) and rewrites under the position. */
    public long truncations() { return truncations.get(); }
    /** Starts that continued from the bookmark. */
    public long resumes() { return resumes.get(); }
    public long bookmarkErrors() { return bookmarkErrors.get(); }
    public long listenerErrors() { return listenerErrors.get(); }
    public long events(GameLogAction a) { return events.get(a.logName()).get(); }

    public long skipped(String reason) {
        AtomicLong a = skipped.get(reason);
        return a == null ? 0 : a.get();
    }

    public Map<String, Long> skipped() {
        var out = new TreeMap<String, Long>();
        skipped.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
