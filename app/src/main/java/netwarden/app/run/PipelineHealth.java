package netwarden.app.run;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.server.Health;

/**
 * What {@code /healthz} says about the live pipeline, so a process whose pipeline processes nothing
 * no longer reports itself healthy:
 * <ul>
 *   <li>{@code ok} (200): the pipeline thread runs and the engine closes seconds;</li>
 *   <li>{@code done} (200): a capture file was read to its end, its final state is served;</li>
 *   <li>{@code stalled} (503): no second closed for {@link #STALL_AFTER} while the source is live
 *       (every feed closes seconds as time passes, traffic or not, so silence means a stuck thread);</li>
 *   <li>{@code failed} (503): the packet source stopped with an error; {@code stopped} (503): a live
 *       source ended by itself; {@code dead} (503): the pipeline thread is gone without ending the feed;</li>
 *   <li>{@code starting} and {@code stopping} (503): before the pipeline runs, and during shutdown.</li>
 * </ul>
 *
 * <p>Design notes: the pipeline thread pays nothing: a closed second shows as a new published
 * snapshot object, which this class notices by identity, sampling once a second on its own daemon
 * thread (so a stall is timed from its start, not from the last probe) and on every request.
 * Lifecycle facts (started, ended, stopping) are volatile writes by the runtime.
 */
final class PipelineHealth implements Supplier<Health>, AutoCloseable {
    /** No second closed for this long while the source is live: stalled. */
    static final Duration STALL_AFTER = Duration.ofSeconds(30);

    private final Supplier<EngineSnapshot> snapshots;
    private final boolean finite;
    private final Clock monotonic;
    private final Duration stallAfter;
    private volatile Thread pipeline;
    private volatile boolean ended, stopping;
    private volatile Throwable failure;
    private EngineSnapshot lastSeen; // guarded by this
    private long lastChangeNanos;
    private ScheduledExecutorService sampler;

    /**
     * @param finite    the feed ends by itself when its input is over (a file), which is then {@code done}, not {@code stopped}
     * @param monotonic a clock used only for differences
     */
    PipelineHealth(Supplier<EngineSnapshot> snapshots, boolean finite, Clock monotonic, Duration stallAfter) {
        this.snapshots = snapshots;
        this.finite = finite;
        this.monotonic = monotonic;
        this.stallAfter = stallAfter;
    }

    /** Registers {@code netwarden_pipeline_healthy} (1 or 0, as /healthz answers 200 or 503). */
    void register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("netwarden_pipeline_healthy")
                .help("1 while /healthz answers 200 (the pipeline processes, or a file was read to its end), else 0.")
                .callback(cb -> cb.call(get().healthy() ? 1 : 0)).register(registry);
    }

    /** The pipeline thread is about to run the feed; starts the once-a-second sampling. */
    synchronized void started(Thread thread) {
        lastSeen = snapshots.get();
        lastChangeNanos = monotonic.nanos();
        pipeline = thread;
        sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("netwarden-health").factory());
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** The feed has returned, with {@code failure} (null when it ended normally). */
    void ended(Throwable failure) {
        this.failure = failure;
        ended = true;
    }

    /** Shutdown has begun. */
    void stopping() {
        stopping = true;
    }

    /** Notes when the engine last published a snapshot (a closed second). */
    synchronized void sample() {
        EngineSnapshot s = snapshots.get();
        if (s != lastSeen) {
            lastSeen = s;
            lastChangeNanos = monotonic.nanos();
        }
    }

    @Override
    public Health get() {
        Thread t = pipeline;
        if (stopping) return Health.unhealthy("stopping", "netwarden is shutting down");
        if (t == null) return Health.unhealthy("starting", "the pipeline has not started yet");
        Throwable f = failure;
        if (f != null)
            return Health.unhealthy("failed", "the packet source stopped with an error: " + (f.getMessage() == null ? f.toString() : f.getMessage()));
        if (ended) return finite ? Health.healthy("done", "the capture file was read to its end; its final state is served")
                : Health.unhealthy("stopped", "the packet source ended; nothing is processed any more");
        if (!t.isAlive()) return Health.unhealthy("dead", "the pipeline thread died without ending the packet source");
        long quiet;
        synchronized (this) {
            sample();
            quiet = monotonic.nanos() - lastChangeNanos;
        }
        if (quiet > stallAfter.toNanos())
            return Health.unhealthy("stalled", "no second closed for " + quiet / 1_000_000_000L + " s while the source is live "
                    + "(limit " + stallAfter.toSeconds() + " s): the pipeline is stuck");
        return Health.OK;
    }

    @Override
    public synchronized void close() {
        if (sampler != null) sampler.shutdownNow();
    }
}
