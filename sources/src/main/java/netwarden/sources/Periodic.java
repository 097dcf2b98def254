package netwarden.sources;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread running one task at a fixed rate (a slow run delays the next, runs never overlap and
 * never burst to catch up). The task must not throw; {@link #stop} waits for the run in progress.
 */
public final class Periodic {
    private final Thread thread;
    private volatile boolean running = true;

    private Periodic(String name, Duration interval, Runnable task) {
        long every = interval.toNanos();
        thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            long next = System.nanoTime();
            while (running) {
                task.run();
                next += every;
                long now = System.nanoTime();
                if (next < now) next = now + every;
                while (running && (now = System.nanoTime()) < next) LockSupport.parkNanos(next - now);
            }
        });
    }

    /** Starts the thread; the first run is immediate. */
    public static Periodic start(String name, Duration interval, Runnable task) {
        Periodic p = new Periodic(name, interval, task);
        p.thread.start();
        return p;
    }

    /** Stops after the run in progress, waiting at most {@code wait} for it. */
    public void stop(Duration wait) {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
