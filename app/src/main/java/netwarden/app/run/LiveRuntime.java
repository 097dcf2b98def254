package netwarden.app.run;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netwarden.app.config.ApiTokenSetting;
import netwarden.app.config.NetwardenConfig;
import netwarden.engine.Engine;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.sinks.json.AddressFormat;
import netwarden.sinks.metrics.NetwardenMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live pipeline: a {@link PacketFeed} on its own pipeline thread driving an {@link Engine},
 * with Prometheus metrics and the HTTP server reading the engine's published snapshots.
 *
 * <p>Design notes: the constructor has no side effects; {@link #start()} binds the HTTP port
 * first (so a taken port fails before any input is read), then starts the pipeline thread. When the
 * feed ends (a file reaches its end) the engine is finished and its final state stays served until
 * {@link #close()}, which stops the feed, waits for the pipeline thread, and releases the port.
 * Only immutable snapshots cross from the pipeline thread to HTTP threads.
 */
public final class LiveRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final NetwardenConfig config;
    private final PacketFeed feed;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter eventsDropped = EventLog.droppedCounter();
    private final EventLog events;
    private final Engine engine;
    private final NetwardenHttpServer server;
    private final CountDownLatch fed = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Throwable feedFailure;
    private Thread pipeline;
    private boolean closed;

    public LiveRuntime(NetwardenConfig config, PacketFeed feed) {
        this.config = config;
        this.feed = feed;
        this.events = new EventLog(AddressFormat.masked(), eventsDropped);
        this.engine = new Engine(config.engine(), events, true);
        HttpServerConfig http = HttpServerConfig.defaults()
                .withListen(config.http().listen().toSocketAddress())
                .withMetricsAuth(config.http().metricsAuth());
        this.server = new NetwardenHttpServer(http, new ApiTokens(tokens(config.apiTokens())), engine.published(), registry);
    }

    static List<ApiToken> tokens(List<ApiTokenSetting> settings) {
        return settings.stream().map(t -> new ApiToken(t.name(), t.token(), t.fullAddresses())).toList();
    }

    /**
     * Registers metrics, binds the HTTP port and starts the pipeline thread.
     *
     * @throws IOException when the listen address cannot be bound (in use, not local)
     */
    public synchronized void start() throws IOException {
        if (pipeline != null) throw new IllegalStateException("already started");
        registry.register(eventsDropped);
        NetwardenMetrics.register(registry, engine.published(), true);
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
        }
        events.start();
        pipeline = Thread.ofPlatform().name("netwarden-pipeline").start(this::runPipeline);
    }

    private void runPipeline() {
        try {
            feed.run(engine, () -> stopRequested);
        } catch (Throwable t) {
            feedFailure = t;
            LOG.error("packet source stopped with an error: {}", t.getMessage() == null ? t.toString() : t.getMessage());
        } finally {
            engine.finish();
            fed.countDown();
        }
    }

    /** The port the HTTP server is bound to (useful after asking for port 0). */
    public int port() {
        return server.port();
    }

    /** The latest published snapshot; thread-safe. */
    public Supplier<EngineSnapshot> snapshots() {
        return engine.published();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Waits until the feed has ended and the engine published its final state; true if it has. */
    public boolean awaitFeedEnd(Duration timeout) throws InterruptedException {
        return fed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** What ended the feed abnormally, or null. */
    public Throwable feedFailure() {
        return feedFailure;
    }

    /** Stops the feed, finishes the engine, stops the HTTP server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        stopRequested = true;
        try {
            if (pipeline != null && !fed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("packet source did not stop within {} s; interrupting it", STOP_WAIT.toSeconds());
                pipeline.interrupt();
                fed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        events.close();
    }
}
