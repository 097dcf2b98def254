package netwarden.sinks.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import netwarden.sinks.notify.config.QuietWindow;

/**
 * Maintenance windows set at runtime (from the API): a planned restart or a load test must not
 * page anyone. Each names the route it silences, or every route. Thread-safe: the API adds and
 * removes, the router thread asks; windows that have ended are dropped when asked.
 */
public final class Maintenance {
    /** One window; {@code route} null silences every route. */
    public record Window(long id, String route, QuietWindow window, String reason) {
        public Window {
            Objects.requireNonNull(window, "window");
        }
    }

    private final CopyOnWriteArrayList<Window> windows = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public Window add(String route, QuietWindow window, String reason) {
        Window w = new Window(ids.incrementAndGet(), route, window, reason);
        windows.add(w);
        return w;
    }

    /** False when no window has that id. */
    public boolean remove(long id) {
        return windows.removeIf(w -> w.id() == id);
    }

    /** Windows not yet over at {@code now}, oldest first. */
    public List<Window> list(Instant now) {
        windows.removeIf(w -> w.window().end() != null && !now.isBefore(w.window().end()));
        return List.copyOf(windows);
    }

    /** True when a window for {@code route} (or for every route) covers {@code now}. */
    boolean silences(String route, Instant now) {
        for (Window w : windows) if ((w.route() == null || w.route().equals(route)) && w.window().covers(now)) return true;
        return false;
    }
}
