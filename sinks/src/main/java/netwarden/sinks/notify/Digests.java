package netwarden.sinks.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.config.DigestConfig;

/**
 * Storm control per channel (see {@link DigestConfig}): counts events in a window that opens with
 * the first event, lets the first {@code threshold} through, holds the rest of the digestible kinds,
 * and turns what was held into one {@link Notice.DigestNotice} when the window ends. Single-threaded.
 */
final class Digests {
    private static final class Window {
        final long end;
        int count;
        final Map<String, Integer> held = new LinkedHashMap<>();

        Window(long end) {
            this.end = end;
        }
    }

    private final DigestConfig config;
    private final Map<String, Window> windows = new HashMap<>();

    Digests(DigestConfig config) {
        this.config = config;
    }

    /** True to send the event now; false when it is held for the channel's digest. Emits a digest due first. */
    boolean admit(String channel, String kind, String service, long now, List<Emitted> due) {
        if (!config.enabled()) return true;
        Window w = windows.get(channel);
        if (w != null && now >= w.end) {
            emit(channel, w, due);
            w = null;
        }
        if (w == null) {
            w = new Window(now + config.window().toNanos());
            windows.put(channel, w);
        }
        w.count++;
        if (w.count <= config.threshold() || !config.kinds().contains(kind)) return true;
        w.held.merge(kind + "\0" + service, 1, Integer::sum);
        return false;
    }

    /** A digest ready for a channel. */
    record Emitted(String channel, Notice.DigestNotice notice) {}

    /** Closes windows that ended by {@code now}, adding their digests to {@code due}. */
    void tick(long now, List<Emitted> due) {
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> e = it.next();
            if (now >= e.getValue().end) {
                emit(e.getKey(), e.getValue(), due);
                it.remove();
            }
        }
    }

    /** Emits every open window's digest now (shutdown). */
    void flush(List<Emitted> due) {
        windows.forEach((channel, w) -> emit(channel, w, due));
        windows.clear();
    }

    /** When the earliest open window ends, or Long.MAX_VALUE. */
    long nextDeadline() {
        long min = Long.MAX_VALUE;
        for (Window w : windows.values()) min = Math.min(min, w.end);
        return min;
    }

    private void emit(String channel, Window w, List<Emitted> due) {
        if (w.held.isEmpty()) return;
        List<Notice.DigestLine> lines = new ArrayList<>();
        w.held.forEach((key, count) -> {
            int sep = key.indexOf('\0');
            lines.add(new Notice.DigestLine(key.substring(0, sep), key.substring(sep + 1), count));
        });
        lines.sort(Comparator.comparingInt(Notice.DigestLine::count).reversed()
                .thenComparing(Notice.DigestLine::kind).thenComparing(Notice.DigestLine::service));
        Duration window = config.window();
        due.add(new Emitted(channel, new Notice.DigestNotice(w.end, window, lines)));
    }
}
