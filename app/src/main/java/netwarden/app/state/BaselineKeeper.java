package netwarden.app.state;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import netwarden.engine.detect.BaselineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the live engine's learned baselines every {@code interval} and once more at the end.
 *
 * <p>Design notes: only the pipeline thread may touch the engine, so the copy is taken there. A
 * timer thread merely raises a flag; the pipeline calls {@link #poll} at its poll point (cheap: one
 * volatile read) and, when the flag is up, takes the copy ({@code engine.baselines()}, a fresh map of
 * immutable values) and hands it back to the timer thread, which writes the file. Writes are
 * sequential on that one thread; a failed write is counted and logged, never thrown at the pipeline.
 */
public final class BaselineKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineKeeper.class);

    private final BaselineFile file;
    private final Duration interval;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("netwarden-state").factory());
    private final AtomicLong saves = new AtomicLong(), failures = new AtomicLong();
    private volatile boolean due;
    private boolean closed;

    public BaselineKeeper(BaselineFile file, Duration interval) {
        if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("baseline save interval must be positive: " + interval);
        this.file = file;
        this.interval = interval;
    }

    /** The saved baselines for the engine's constructor; see {@link BaselineFile#load()}. */
    public Map<String, BaselineState> load() {
        return file.load();
    }

    /** Starts the timer. */
    public void start() {
        long ms = interval.toMillis();
        writer.scheduleAtFixedRate(() -> due = true, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** On the pipeline thread, at each poll: takes a copy when a save is due. */
    public void poll(Supplier<Map<String, BaselineState>> baselines) {
        if (!due) return;
        due = false;
        save(baselines.get());
    }

    /** Queues a write of {@code baselines} (taken on the pipeline thread). */
    public void save(Map<String, BaselineState> baselines) {
        try {
            writer.execute(() -> write(baselines));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("detection baselines not saved: already shutting down");
        }
    }

    private void write(Map<String, BaselineState> baselines) {
        try {
            file.save(baselines);
            saves.incrementAndGet();
            LOG.debug("saved {} detection baselines to {}", baselines.size(), file.path());
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("cannot save detection baselines to {}: {}", file.path(), e.toString());
        }
    }

    public long saves() {
        return saves.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Finishes queued writes (at most 10 s), then stops the timer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("detection baselines: the last save did not finish within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
