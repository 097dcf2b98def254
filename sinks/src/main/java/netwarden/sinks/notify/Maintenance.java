package netwarden.sinks.notify;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import netwarden.sinks.notify.config.QuietWindow;

/**
 * Maintenance windows set at runtime (from the API): a planned restart or a load test must not
 * page anyone. Each names the route it silences, or every route. Thread-safe: the API adds and
 * removes, the router thread asks; windows that have ended are dropped when asked. With a
 * {@link Store} every change is saved before it counts, so a window set for a planned restart
 * survives that restart.
 */
public final class Maintenance {
    /** At most this many windows at once: the API cannot grow the list (or its file) without bound. */
    public static final int MAX_WINDOWS = 1000;

    /** One window; {@code route} null silences every route. */
    public record Window(long id, String route, QuietWindow window, String reason) {
        public Window {
            Objects.requireNonNull(window, "window");
        }
    }

    /** Where the windows are kept across restarts (the state directory). */
    public interface Store {
        void save(List<Window> windows) throws IOException;
    }

    private final CopyOnWriteArrayList<Window> windows = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Store store;

    /**
     * Takes the windows saved before a restart (ids kept, new ids continue after the highest) and
     * saves every later change to {@code store}.
     */
    public synchronized void restore(List<Window> saved, Store store) {
        for (Window w : saved) {
            if (windows.size() >= MAX_WINDOWS) break;
            windows.add(w);
            ids.accumulateAndGet(w.id(), Math::max);
        }
        this.store = store;
    }

    /**
     * @throws IOException           when the change cannot be saved (the window is not added)
     * @throws IllegalStateException when {@value #MAX_WINDOWS} windows are open already
     */
    public synchronized Window add(String route, QuietWindow window, String reason) throws IOException {
        if (windows.size() >= MAX_WINDOWS) throw new IllegalStateException("at most " + MAX_WINDOWS + " maintenance windows at once");
        Window w = new Window(ids.incrementAndGet(), route, window, reason);
        windows.add(w);
        try {
            save();
        } catch (IOException e) {
            windows.remove(w);
            throw e;
        }
        return w;
    }

    /**
     * False when no window has that id.
     *
     * @throws IOException when the change cannot be saved (the window stays)
     */
    public synchronized boolean remove(long id) throws IOException {
        List<Window> before = List.copyOf(windows);
        if (!windows.removeIf(w -> w.id() == id)) return false;
        try {
            save();
        } catch (IOException e) {
            windows.clear();
            windows.addAll(before);
            throw e;
        }
        return true;
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

    private void save() throws IOException {
        Store s = store;
        if (s != null) s.save(List.copyOf(windows));
    }
}
