package netwarden.sinks.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import netwarden.model.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out: a bounded queue in front of a {@link Sink}, drained by one thread in batches
 * (OpenTelemetry's {@code BatchSpanProcessor} shape).
 *
 * <p>Design notes: {@link #offer} runs on the producer's thread (the pipeline, a request thread)
 * and never blocks: an item the sink does not {@link Sink#accepts accept} is skipped, one that does
 * not fit is dropped and counted, as is anything offered once closing began. The worker thread
 * takes the first item waiting, adds what else is queued up to {@link SinkConfig#maxBatch()}, and
 * hands the batch to the sink in offer order. Whatever the sink throws is caught: the batch counts
 * as failed (or the part a {@link SinkException} names), a WARN is logged at most once a minute (DEBUG otherwise), and the worker goes on, so a
 * broken sink costs only its own items. Between batches the worker waits at most
 * {@link SinkConfig#maxIdle()}, less when the sink's {@link Sink#nextDeadline()} is nearer, and
 * then runs {@link Sink#tick} if that deadline passed. {@link #close} stops taking items, lets the
 * worker deliver what is queued and {@link Sink#flush() flush} until the deadline, then interrupts
 * it; items still queued then are counted as dropped and logged. Counts are read at scrape time
 * ({@link SinkMetrics}).
 *
 * @param <T> what flows through: engine events, notices
 */
public final class SinkWorker<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
    /** Queued by {@link #close} so a waiting worker notices at once instead of after {@code maxIdle}. */
    private static final Object WAKE = new Object();
    private static final long MIN_WAIT_NANOS = 1_000_000L;

    private final Sink<T> sink;
    private final SinkConfig config;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    private final LongAdder dropped = new LongAdder(), delivered = new LongAdder(), failed = new LongAdder();
    private final WarnLimiter warn;
    private final Thread thread;
    private volatile boolean closing, drained;
    private boolean started, closed;
    /** Items the last failed {@link #guarded} call lost; worker thread only. */
    private int lastFailed;

    /** No side effects; {@link #start()} starts the worker thread. */
    public SinkWorker(Sink<T> sink, SinkConfig config, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.warn = new WarnLimiter(LOG, clock, WarnLimiter.MINUTE_NANOS);
        this.thread = Thread.ofVirtual().name("netwarden-sink-" + sink.name()).unstarted(this::run);
    }

    public String name() {
        return sink.name();
    }

    public synchronized void start() {
        if (started || closed) throw new IllegalStateException("sink " + name() + " already started or closed");
        started = true;
        thread.start();
    }

    /** Queues {@code item}; false (and counted as dropped) when the queue is full or closing. True when the sink does not want it. Never blocks. */
    public boolean offer(T item) {
        if (!sink.accepts(item)) return true;
        if (closing || !queue.offer(item)) {
            dropped.increment();
            return false;
        }
        // Raced with close after its last look at the queue: nobody will take it, so count it here.
        if (drained && queue.remove(item)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Items dropped: queue full, offered while closing, or still queued when close gave up. */
    public long dropped() {
        return dropped.sum();
    }

    /** Items in batches the sink took without throwing. */
    public long delivered() {
        return delivered.sum();
    }

    /** Items in batches the sink threw on. */
    public long failed() {
        return failed.sum();
    }

    /** Items waiting now. */
    public int depth() {
        return queue.size();
    }

    private void run() {
        List<Object> taken = new ArrayList<>();
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) return; // close gave up: no more batches, no flush
                Object first = closing ? queue.poll() : queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (first == null && closing) break;
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken, config.maxBatch() - 1);
                    deliver(taken);
                    taken.clear();
                }
                if (deadlinePassed()) guarded("tick", () -> sink.tick(clock.nanos()), 0);
            }
            guarded("flush", sink::flush, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void deliver(List<Object> taken) {
        List<T> batch = new ArrayList<>(taken.size());
        for (Object o : taken) if (o != WAKE) batch.add((T) o);
        if (batch.isEmpty()) return;
        if (guarded("deliver", () -> sink.deliver(batch), batch.size())) delivered.add(batch.size());
        else delivered.add(batch.size() - lastFailed);
    }

    private long waitNanos() {
        long until;
        try {
            until = sink.nextDeadline() - clock.nanos();
        } catch (RuntimeException e) {
            until = Long.MAX_VALUE;
        }
        return Math.clamp(until, MIN_WAIT_NANOS, config.maxIdle().toNanos());
    }

    private boolean deadlinePassed() {
        try {
            return clock.nanos() >= sink.nextDeadline();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a sink call; true when it returned. What it throws is counted ({@code items} failed) and logged, never rethrown. */
    private boolean guarded(String what, Step step, int items) {
        try {
            step.run();
            return true;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError v && !(v instanceof StackOverflowError)) throw v;
            if (t instanceof InterruptedException) Thread.currentThread().interrupt();
            lastFailed = t instanceof SinkException s ? Math.min(items, s.failedItems()) : items;
            failed.add(lastFailed);
            Throwable shown = t instanceof SinkException s && s.getCause() != null ? s.getCause() : t;
            warn.log("sink " + name() + ": " + what + " failed" + (lastFailed > 0 ? " (" + lastFailed + " of " + items + " item(s) lost)" : "")
                    + ": " + (t instanceof SinkException ? t.getMessage() + ": " : "") + shown);
            return false;
        }
    }

    /**
     * Stops taking items and lets the worker deliver what is queued and flush until {@code deadline}
     * has passed, then interrupts it; what is still queued is counted as dropped and logged at WARN.
     * Idempotent; also valid when never started (everything queued is dropped).
     */
    public void close(Duration deadline) {
        close(deadline, null);
    }

    /**
     * As {@link #close(Duration)}; the log line about items still queued names them by
     * {@code kind} (e.g. "attack_started ×2, player_joined ×1") so an operator knows what was lost.
     */
    public void close(Duration deadline, java.util.function.Function<? super T, String> kind) {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        closing = true;
        queue.offer(WAKE); // when the queue is full the worker is not waiting anyway
        try {
            if (thread.isAlive() && !thread.join(deadline)) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var kinds = new java.util.TreeMap<String, Integer>();
        int left = drain(kind, kinds);
        drained = true;
        left += drain(kind, kinds); // what an offer racing with the first drain put in
        dropped.add(left);
        if (left > 0 && kinds.isEmpty()) LOG.warn("sink {}: {} item(s) still queued at shutdown were dropped", name(), left);
        else if (left > 0) LOG.warn("sink {}: {} item(s) still queued at shutdown were dropped: {}", name(), left,
                String.join(", ", kinds.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).toList()));
    }

    @SuppressWarnings("unchecked")
    private int drain(java.util.function.Function<? super T, String> kind, Map<String, Integer> kinds) {
        int left = 0;
        for (Object o; (o = queue.poll()) != null; ) {
            if (o == WAKE) continue;
            left++;
            if (kind != null) kinds.merge(String.valueOf(kind.apply((T) o)), 1, Integer::sum);
        }
        return left;
    }

    /** Closes every item on its own thread, so one that hangs cannot use up the others' time; returns within about {@code deadline}. */
    public static <X> void closeInParallel(List<X> items, BiConsumer<X, Duration> close, Duration deadline) {
        List<Thread> closers = items.stream().map(x -> Thread.ofVirtual().name("netwarden-close")
                .start(() -> close.accept(x, deadline))).toList();
        for (Thread t : closers) {
            try {
                t.join(deadline.plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
