package netwarden.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import netwarden.app.config.ApiTokenSetting;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.history.History;
import netwarden.app.history.HistoryApi;
import netwarden.app.state.BaselineFile;
import netwarden.app.state.BaselineKeeper;
import netwarden.app.state.StateDirs;
import netwarden.app.state.StateMetrics;
import netwarden.engine.Engine;
import netwarden.engine.detect.BaselineState;
import netwarden.engine.detect.DetectionConfig;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.sinks.incidents.IncidentArchive;
import netwarden.wire.AddressFormat;
import netwarden.sinks.metrics.NetwardenMetrics;
import netwarden.sinks.route.EventRouter;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkMetrics;
import netwarden.sinks.route.SinkWorker;
import netwarden.store.AddressInfo;
import netwarden.store.StoreConfig;
import netwarden.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live pipeline: a {@link PacketFeed} on its own pipeline thread driving an {@link Engine},
 * with Prometheus metrics and the HTTP server (plain or HTTPS, see {@link WebSecurity}) reading
 * the engine's published snapshots, events going through one {@link EventRouter} to the log, the
 * incident archive and the notification router (with GeoIP enrichment, see {@link Notifications}),
 * Alertmanager alerts going to that router too, and learned baselines kept in the state directory.
 *
 * <p>Design notes: the constructor has no side effects; {@link #start()} reads the web config and
 * TLS files, loads the GeoIP data and starts the notification router, binds the HTTP port (so a
 * taken port fails before any packet is read), creates the incidents directory, loads the saved
 * baselines into a new engine, then starts the pipeline thread. The feed's stop poll is the
 * pipeline thread's chance to do timed chores on the engine (taking the baselines copy every
 * {@link #SAVE_EVERY}). When the feed ends (a file reaches its end) the engine is finished, its
 * baselines saved, and its final state stays served until {@link #close()}, which stops the feed,
 * waits for the pipeline thread, releases the port, archives attacks still open, and flushes the
 * notifications. Only immutable snapshots (and baseline copies) cross from the pipeline thread to
 * other threads. Game queries, Docker discovery and the players log tail ({@link GameSources}) start with
 * the engine and stop first. {@code /healthz} reports the pipeline's state ({@link PipelineHealth}): 503 when it
 * is stalled, failed or gone.
 */
public final class LiveRuntime implements AutoCloseable {
    /** How often the learned baselines are written while running. */
    public static final Duration SAVE_EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final NetwardenConfig config;
    private final PacketFeed feed;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SinkMetrics sinks = new SinkMetrics();
    private final IncidentArchive archive;
    private volatile EventRouter events;
    private SinkWorker<Event> archiveWorker;
    private final BaselineKeeper baselines;
    private final History history;
    private final PipelineHealth health;
    private final CountDownLatch fed = new CountDownLatch(1);
    private NetwardenHttpServer server;
    private WebSecurity web;
    private Notifications notifications;
    private GameSources games;
    private volatile Engine engine;
    private volatile boolean stopRequested;
    private volatile Throwable feedFailure;
    private Thread pipeline;
    private boolean closed;

    public LiveRuntime(NetwardenConfig config, PacketFeed feed) {
        this(config, feed, SAVE_EVERY);
    }

    /** @param saveEvery how often baselines are saved while running (tests shorten it) */
    LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery) {
        this(config, feed, saveEvery, PipelineHealth.STALL_AFTER);
    }

    /** @param stallAfter no second closed for this long: /healthz says stalled (tests shorten it) */
    LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery, Duration stallAfter) {
        this(config, feed, saveEvery, stallAfter, new History(StoreConfig.defaults(), config.state().dir(), AddressInfo.Lookup.NONE, Clock.SYSTEM));
    }

    /** An agent's runtime: {@code history} ships its rows (see {@code netwarden agent}). */
    public LiveRuntime(NetwardenConfig config, PacketFeed feed, History history) {
        this(config, feed, SAVE_EVERY, PipelineHealth.STALL_AFTER, history);
    }

    private LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery, Duration stallAfter, History history) {
        this.config = config;
        this.health = new PipelineHealth(snapshots(), feed.finite(), System::nanoTime, stallAfter);
        this.feed = feed;
        this.archive = new IncidentArchive(config.incidents().dir());
        this.history = history;
        DetectionConfig d = config.engine().detection();
        this.baselines = d.enabled() && d.baselines() ? new BaselineKeeper(new BaselineFile(config.state().baselinesFile()), saveEvery) : null;
    }

    public static List<ApiToken> tokens(List<ApiTokenSetting> settings) {
        return settings.stream().map(t -> new ApiToken(t.name(), t.token(), t.fullAddresses())).toList();
    }

    /**
     * Registers metrics, starts notifications, binds the HTTP port, prepares the state and
     * incidents directories and starts the pipeline thread.
     *
     * @throws IOException when the listen address cannot be bound (in use, not local), the
     *                     incidents directory cannot be created, or configured GeoIP data or the
     *                     returning-player store cannot be read
     * @throws netwarden.server.tls.TlsConfigException when the web config or its TLS files cannot serve
     * @throws netwarden.app.UsageException when plain HTTP would bind a non-loopback address without being allowed,
     *                                      or state.dir is a file (see {@link StateDirs})
     */
    public synchronized void start() throws IOException {
        if (pipeline != null || closed) throw new IllegalStateException("already started");
        StateDirs.prepare(config.state(), config.incidents().dir());
        web = WebSecurity.prepare(config.http(), Clock.SYSTEM);
        sinks.register(registry);
        NetwardenMetrics.register(registry, snapshots(), true);
        StateMetrics.register(registry, archive, baselines);
        web.register(registry);
        health.register(registry);
        games = new GameSources(config.games(), config.engine().services(), e -> {
            EventRouter r = events;
            if (r != null) r.onEvent(e);
        }, snapshots(), Clock.SYSTEM);
        GameMetrics.register(registry, games, () -> {
            Engine e = engine;
            return e == null ? 0 : e.ownPackets();
        });
        notifications = Notifications.open(config.notifications(), config.enrich(), registry, snapshots(), sinks);
        try {
            // before the port opens: migrations take a moment, and a served API should mean a pipeline running soon
            history.start(registry);
        } catch (StoreException | IllegalStateException | IOException e) {
            closeNotifications();
            history.close();
            throw new IOException("cannot open the store" + (history.store() == null ? " or spool" : "") + " in "
                    + config.state().dir() + ": " + e.getMessage(), e);
        }
        HttpServerConfig http = HttpTimeLimits.apply(HttpServerConfig.defaults()
                .withListen(config.http().listen().toSocketAddress())
                .withMetricsAuth(config.http().metricsAuth()), System::getProperty);
        server = new NetwardenHttpServer(http, new ApiTokens(tokens(config.apiTokens())), snapshots(), registry, web.factory())
                .setMetricsBasicAuth(web.basicAuth())
                .setHealth(health)
                .setGameView(games.view())
                .setAlertListener(notifications.input()::offer);
        if (history.store() != null) new HistoryApi(history.store()).register(server);
        try {
            server.start();
        } catch (IOException e) {
            closeNotifications();
            history.close();
            throw new IOException("cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
        }
        try {
            archive.start();
        } catch (IOException e) {
            server.close();
            closeNotifications();
            history.close();
            throw new IOException("cannot create the incidents directory " + config.incidents().dir() + ": " + e, e);
        }
        Map<String, BaselineState> restored = baselines == null ? Map.of() : baselines.load();
        SinkWorker<Event> log = new SinkWorker<>(new EventLog(AddressFormat.masked()), EventLog.SINK, Clock.SYSTEM);
        archiveWorker = new SinkWorker<>(archive, SinkConfig.ofCapacity(config.incidents().queue()), Clock.SYSTEM);
        sinks.trackAll(List.of(log, archiveWorker, history.sink())); // the notification queues are tracked by Notifications
        events = new EventRouter(List.of(log, archiveWorker, notifications.input(), history.sink()));
        engine = new Engine(config.engine(), events, true, restored);
        events.start();
        games.start(engine); // after the router: their events have somewhere to go
        if (baselines != null) baselines.start();
        pipeline = Thread.ofPlatform().name("netwarden-pipeline").unstarted(this::runPipeline);
        health.started(pipeline);
        pipeline.start();
    }

    private void runPipeline() {
        Engine e = engine;
        BooleanSupplier poll = () -> {
            if (baselines != null) baselines.poll(e::baselines);
            history.snapshot(e.published().get());
            return stopRequested;
        };
        try {
            feed.run(e, poll);
        } catch (Throwable t) {
            feedFailure = t;
            LOG.error("packet source stopped with an error: {}", t.getMessage() == null ? t.toString() : t.getMessage());
        } finally {
            health.ended(feedFailure);
            e.finish();
            history.flush(e.published().get());
            if (baselines != null) baselines.save(e.baselines());
            fed.countDown();
        }
    }

    /** The port the HTTP server is bound to (useful after asking for port 0). */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.port();
    }

    /** "https" or "http", once started. */
    public synchronized String scheme() {
        if (web == null) throw new IllegalStateException("not started");
        return web.https() ? "https" : "http";
    }

    /** How the port is secured, for the startup line ({@code HTTPS, client certificates required}); once started. */
    public synchronized String security() {
        if (web == null) throw new IllegalStateException("not started");
        return web.describe();
    }

    /** The latest published snapshot (empty before {@link #start()}); thread-safe. */
    public Supplier<EngineSnapshot> snapshots() {
        return () -> {
            Engine e = engine;
            return e == null ? EngineSnapshot.EMPTY : e.published().get();
        };
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

    /**
     * Stops the feed, finishes the engine, saves the baselines, stops the HTTP server, archives the
     * attacks still open (as they stand, without an end), and delivers the notifications still
     * queued (within {@link Notifications#FLUSH}). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        health.stopping();
        stopRequested = true;
        boolean pipelineEnded = pipeline == null;
        try {
            if (pipeline != null && !fed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("packet source did not stop within {} s; interrupting it", STOP_WAIT.toSeconds());
                pipeline.interrupt();
            }
            pipelineEnded |= fed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (games != null) games.close();
        if (server != null) server.close();
        if (events != null) events.close(Notifications.FLUSH);
        if (events != null) history.close(); // after the router: the store sink has handed over its last events
        if (pipelineEnded && engine != null) archiveOpenAttacks(engine.published().get().activeIncidents());
        if (archiveWorker != null && archiveWorker.dropped() + archive.failed() > 0)
            LOG.warn("incident archive {}: {} records not written because the queue was full, {} failed to write",
                    config.incidents().dir(), archiveWorker.dropped(), archive.failed());
        if (baselines != null) baselines.close();
        health.close();
        closeNotifications();
    }

    private void closeNotifications() {
        if (notifications != null) notifications.close();
        notifications = null;
    }

    private void archiveOpenAttacks(List<Incident> open) {
        for (Incident i : open) {
            try {
                archive.write(i);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot archive open attack {}: {}", i.id(), e.toString());
            }
        }
        if (!open.isEmpty()) LOG.info("archived {} attack(s) still in progress at shutdown to {}", open.size(), config.incidents().dir());
    }
}
