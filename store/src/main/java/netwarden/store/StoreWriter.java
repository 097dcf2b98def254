package netwarden.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import netwarden.model.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes batches off the pipeline and writes them on its own thread; the pipeline never waits.
 *
 * <p>Design notes: {@link #offer} only appends to a queue bounded in rows, under a lock held for the append;
 * when the queue is full the batch is dropped and its rows counted by table ({@code queue_full}). The worker
 * merges queued batches into writes of up to {@code mergeRows} rows. A write that fails keeps its rows and is
 * retried with a doubling delay (min..max) until the store answers; meanwhile new batches queue and, past
 * the bound, are dropped and counted. Failures are counted each and logged at most once a minute (injected
 * clock). Rows the store rejects as invalid are dropped and counted per original batch, so one bad row loses
 * only its own batch. Retention and the sorting of closed days and weeks ({@link Store#compact}) run on this thread too,
 * every {@code purgeEvery}, so the store has one writer.
 * {@link #close()} writes what is queued, trying for {@code closeTimeout}, and counts the rest as
 * {@code shutdown}.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    private static final long MINUTE = 60_000_000_000L;

    private final Store store;
    private final StoreConfig config;
    private final Clock clock;
    private final StoreMetrics metrics;
    private final Duration minRetry, maxRetry, purgeEvery, closeTimeout;
    private final int mergeRows;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Rows.Batch> queue = new ArrayDeque<>();
    private long queuedRows;
    private volatile boolean running;
    private Thread worker;
    private long lastLogNanos = Long.MIN_VALUE;
    private long failuresSinceLog;
    private long nextPurgeNanos = Long.MIN_VALUE;
    private volatile long closeDeadlineNanos = Long.MAX_VALUE;
    private volatile List<Rows.Batch> inFlight = List.of();

    public StoreWriter(Store store, StoreConfig config, Clock clock, StoreMetrics metrics) {
        this(store, config, clock, metrics, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofSeconds(10), config.batchRows());
    }

    public StoreWriter(Store store, StoreConfig config, Clock clock, StoreMetrics metrics, Duration minRetry,
                       Duration maxRetry, Duration purgeEvery, Duration closeTimeout, int mergeRows) {
        if (minRetry.isNegative() || minRetry.isZero() || maxRetry.compareTo(minRetry) < 0)
            throw new IllegalArgumentException("retry delays must be positive and min <= max: " + minRetry + ", " + maxRetry);
        if (mergeRows < 1) throw new IllegalArgumentException("mergeRows must be positive: " + mergeRows);
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.minRetry = minRetry;
        this.maxRetry = maxRetry;
        this.purgeEvery = purgeEvery;
        this.closeTimeout = closeTimeout;
        this.mergeRows = mergeRows;
        metrics.queue(this::queuedRows);
    }

    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("store-writer").daemon().start(this::run);
    }

    /** Queues a batch, or drops and counts it when the queue is full; never blocks on the store. */
    public boolean offer(Rows.Batch b) {
        int n = b.rows();
        if (n == 0) return true;
        lock.lock();
        try {
            if (!running || queuedRows + n > config.queueRows()) {
                metrics.dropped(b, running ? "queue_full" : "shutdown");
                return false;
            }
            queue.add(b);
            queuedRows += n;
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public long queuedRows() {
        lock.lock();
        try {
            return queuedRows;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running || queuedRows() > 0) {
            try {
                List<Rows.Batch> taken = take();
                maybePurge();
                if (!taken.isEmpty()) {
                    inFlight = taken;
                    write(taken);
                    inFlight = List.of();
                    release(taken);
                }
            } catch (InterruptedException e) {
                if (running) Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a bug must not kill the writer: count, log, go on
                metrics.errors.inc();
                log.error("store writer failed", e);
            }
        }
    }

    private List<Rows.Batch> take() throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty() && running) ready.await(1, TimeUnit.SECONDS);
            List<Rows.Batch> out = new ArrayList<>();
            int rows = 0;
            while (!queue.isEmpty() && (out.isEmpty() || rows + queue.peek().rows() <= mergeRows)) {
                Rows.Batch b = queue.poll();
                rows += b.rows();
                out.add(b);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the batches merged, retrying while the store fails; their rows stay counted in the queue until done. */
    private void write(List<Rows.Batch> batches) throws InterruptedException {
        Rows.Batch merged = batches.size() == 1 ? batches.getFirst() : merge(batches);
        long delay = minRetry.toNanos();
        while (true) {
            try {
                long t0 = System.nanoTime();
                store.write(merged);
                metrics.writeSeconds.observe((System.nanoTime() - t0) / 1e9);
                metrics.written(merged);
                return;
            } catch (IllegalArgumentException invalid) {
                if (batches.size() > 1) {
                    for (Rows.Batch b : batches) write(List.of(b));
                    return;
                }
                metrics.dropped(merged, "invalid");
                log.warn("store rejected a batch of {} rows as invalid: {}", merged.rows(), invalid.getMessage());
                return;
            } catch (StoreException | IllegalStateException e) {
                metrics.errors.inc();
                logRateLimited(e);
                if (!running && System.nanoTime() > closeDeadlineNanos) {
                    metrics.dropped(merged, "shutdown");
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(delay);
                delay = Math.min(delay * 2, maxRetry.toNanos());
            }
        }
    }

    private void release(List<Rows.Batch> batches) {
        lock.lock();
        try {
            for (Rows.Batch b : batches) queuedRows -= b.rows();
        } finally {
            lock.unlock();
        }
    }

    private static Rows.Batch merge(List<Rows.Batch> batches) {
        BatchBuilder m = Rows.Batch.builder();
        for (Rows.Batch b : batches) m.addAll(b);
        return m.build();
    }

    private void logRateLimited(RuntimeException e) {
        failuresSinceLog++;
        long now = clock.nanos();
        if (lastLogNanos == Long.MIN_VALUE || now - lastLogNanos >= MINUTE) {
            log.warn("store {} unavailable ({} failed attempts since the last report; {} rows queued, retrying): {}",
                    store, failuresSinceLog, queuedRows(), e.getMessage());
            lastLogNanos = now;
            failuresSinceLog = 0;
        }
    }

    private void maybePurge() {
        long now = clock.nanos();
        if (nextPurgeNanos != Long.MIN_VALUE && now < nextPurgeNanos) return;
        nextPurgeNanos = now + purgeEvery.toNanos();
        purgeNow(now);
        compactNow(now);
    }

    private static final long DAY = 86_400, WEEK = 7 * DAY, GRACE = 600;

    /**
     * Sorts the per-source minutes of the last closed day, and of the last closed week into one run, once each
     * (10 minutes after they close, so the last minute rows are in); errors counted, not thrown.
     */
    public void compactNow(long nowNanos) {
        long now = Math.floorDiv(nowNanos, 1_000_000_000L);
        for (long unit : new long[] {DAY, WEEK}) {
            long end = now - Math.floorMod(now, unit);
            if (now - end < GRACE) end -= unit;
            try {
                long n = store.compact(end - unit, end);
                if (n >= 0) log.info("store: per-source minutes of [{}, {}) sorted by address ({} rows)", end - unit, end, n);
            } catch (StoreException | IllegalStateException ex) {
                metrics.errors.inc();
                logRateLimited(ex);
            }
        }
    }

    /** Deletes what each table's retention no longer keeps, as of {@code nowNanos}; errors counted, not thrown. */
    public void purgeNow(long nowNanos) {
        for (Map.Entry<Table, Duration> e : config.retention().entrySet()) {
            long cutoff = Math.floorDiv(nowNanos, 1_000_000_000L) - e.getValue().toSeconds();
            try {
                long n = store.purge(e.getKey(), cutoff);
                if (n > 0) metrics.purged.labelValues(e.getKey().sql).inc(n);
            } catch (StoreException | IllegalStateException ex) {
                metrics.errors.inc();
                logRateLimited(ex);
            }
        }
    }

    /** Writes what is queued (for at most the close timeout), then stops; the rest is counted as dropped. */
    @Override
    public void close() {
        closeDeadlineNanos = System.nanoTime() + closeTimeout.toNanos();
        running = false;
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        if (worker == null) return;
        try {
            worker.join(closeTimeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (worker.isAlive()) {
                worker.interrupt();
                for (Rows.Batch b : inFlight) metrics.dropped(b, "shutdown");
            }
            for (Rows.Batch b : queue) metrics.dropped(b, "shutdown");
            queue.clear();
            queuedRows = 0;
        } finally {
            lock.unlock();
        }
    }
}
