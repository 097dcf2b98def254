package netwarden.app.capture;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.BooleanSupplier;
import netwarden.app.run.PacketFeed;
import netwarden.model.ingest.IngestPort;
import netwarden.model.Clock;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.CaptureMetrics;
import netwarden.sources.live.CaptureSources;
import netwarden.sources.live.LivePipeline;
import netwarden.sources.live.LiveSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live capture as a {@link PacketFeed} for {@code netwarden run}: {@link #prepare} chooses the mode
 * (logging which and why the better ones were not possible) and builds the sources;
 * {@link #registerMetrics} adds the {@code netwarden_capture_*} metrics to the runtime's registry;
 * {@link #open()} starts capturing (call it before serving, so a permission problem fails the
 * command at once); {@link #run} feeds the engine on the runtime's pipeline thread until stopped,
 * then stops capture (detaching eBPF).
 */
public final class CaptureFeed implements PacketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureFeed.class);

    private final CaptureSources.Plan plan;
    private final LivePipeline pipeline;

    private CaptureFeed(CaptureSources.Plan plan, LivePipeline pipeline) {
        this.plan = plan;
        this.pipeline = pipeline;
    }

    /**
     * Plans capture for {@code config}; starts nothing.
     *
     * @throws CaptureException when the configured mode is impossible here or no interface can be found
     */
    public static CaptureFeed prepare(CaptureConfig config, Clock clock) throws CaptureException {
        CaptureSources.Plan plan = CaptureSources.plan(config);
        LOG.info(plan.describe());
        List<LiveSource> sources = CaptureSources.create(config, plan, clock);
        return new CaptureFeed(plan, new LivePipeline(sources, clock));
    }

    /** Registers the capture metrics of these sources; once per registry. */
    public void registerMetrics(PrometheusRegistry registry) {
        CaptureMetrics.register(registry, pipeline.sources());
    }

    /** Starts every source; throws with what failed and what to do. */
    public void open() throws CaptureException {
        pipeline.open();
    }

    public CaptureSources.Plan plan() {
        return plan;
    }

    public List<LiveSource> sources() {
        return pipeline.sources();
    }

    @Override
    public void run(IngestPort port, BooleanSupplier stopRequested) throws CaptureException {
        pipeline.run(port, stopRequested);
    }

    @Override
    public String describe() {
        return "live capture, " + plan.choice().mode().key() + " on " + String.join(", ", plan.interfaces());
    }

    /** Stops capture if {@link #run} never ran (for error paths). Idempotent. */
    public void close() {
        pipeline.close();
    }
}
