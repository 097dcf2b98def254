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
import netwarden.app.history.EnrichLookup;
import netwarden.app.router.ConsoleRules;
import netwarden.app.router.RouterApi;
import netwarden.app.router.RouterRuntime;
import netwarden.app.history.FlowsApi;
import netwarden.app.history.RowsShipping;
import netwarden.app.state.BaselineFile;
import netwarden.app.state.BaselineKeeper;
import netwarden.app.state.MaintenanceFile;
import netwarden.app.state.StateDirs;
import netwarden.app.state.StateMetrics;
import netwarden.engine.Engine;
import netwarden.engine.EnginePort;
import netwarden.engine.detect.BaselineState;
import netwarden.engine.detect.DetectionConfig;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.console.Console;
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
import netwarden.store.StoreConfig;
import netwarden.store.StoreException;
import netwarden.sources.collect.CollectorMetrics;
import netwarden.sources.collect.FlowCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live pipeline: a {@link PacketFeed} on its own pipeline thread driving an {@link Engine}
 * (or, with {@code engine.shards} above 1, a {@link netwarden.engine.ShardedEngine} of several),
 * with Prometheus metrics and the HTTP server (plain or HTTPS, see {@link WebSecurity}) reading
 * the engine's published snapshots, events going through one {@link EventRouter} to the log, the
 * incident archive, the notification router (with GeoIP enrichment, see {@link Notifications}) and the store
 * ({@link History}: events, sessions, incidents and rollups kept across restarts, served by the API),
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
 * the engine and stop first; so does the router profile ({@link RouterRuntime}: conntrack, NFLOG, dnsmasq,
 * anomaly scoring), whose events go through the same event router. {@code /healthz} reports the pipeline's state ({@link PipelineHealth}): 503 when it
 * is stalled, failed or gone.
 */
public final class LiveRuntime implements AutoCloseable {
    /** How often the learned baselines are written while running. */
    public static final Duration SAVE_EVERY = Duration.ofMinutes(5);
    /** The learned flow templates in state.dir. */
    public static final String FLOW_TEMPLATES = "flow-templates.bin";
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final NetwardenConfig config;
    private final Duration saveEvery;
    private PacketFeed feed;
    private FlowCollector collector;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SinkMetrics sinks = new SinkMetrics();
    private final IncidentArchive archive;
    private volatile EventRouter events;
    private SinkWorker<Event> archiveWorker;
    private final BaselineKeeper baselines;
    private final History history;
    private final EnrichLookup enrichment = new EnrichLookup();
    private final PipelineHealth health;
    private final CountDownLatch fed = new CountDownLatch(1);
    private NetwardenHttpServer server;
    private Console console;
    private WebSecurity web;
    private Notifications notifications;
    private GameSources games;
    private RouterRuntime router;
    private volatile EnginePort engine;
    private volatile boolean stopRequested;
    private volatile Throwable feedFailure;
    private Thread pipeline;
    private boolean closed;

    /** @param feed the packet source; null when the flow collectors ({@code collect:}) are the only input */
    public LiveRuntime(NetwardenConfig config, PacketFeed feed) {
        this(config, feed, SAVE_EVERY);
    }

    /** @param saveEvery how often baselines (detection and router) are saved while running (tests shorten it) */
    LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery) {
        this(config, feed, saveEvery, PipelineHealth.STALL_AFTER);
    }

    /** @param stallAfter no second closed for this long: /healthz says stalled (tests shorten it) */
    LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery, Duration stallAfter) {
        this(config, feed, saveEvery, stallAfter, true, null);
    }

    /**
     * An agent's runtime: its store rows also (or only) go to {@code shipping} (see {@code netwarden agent}).
     *
     * @param localStore keep the local store and its history API as well
     */
    public LiveRuntime(NetwardenConfig config, PacketFeed feed, boolean localStore, RowsShipping shipping) {
        this(config, feed, SAVE_EVERY, PipelineHealth.STALL_AFTER, localStore, shipping);
    }

    private LiveRuntime(NetwardenConfig config, PacketFeed feed, Duration saveEvery, Duration stallAfter, boolean localStore,
                        RowsShipping shipping) {
        this.config = config;
        this.saveEvery = saveEvery;
        if (feed == null && !config.collect().enabled()) throw new IllegalArgumentException("no packet source and no flow collector");
        this.health = new PipelineHealth(snapshots(), feed != null && feed.finite(), System::nanoTime, stallAfter);
        this.feed = feed;
        this.archive = new IncidentArchive(config.incidents().dir(), config.engine().detection().blockTimeout());
        // A capture file's rows carry its own (often old) times: retention by the wall clock would delete them at once.
        StoreConfig store = feed != null && feed.finite() ? config.store().withoutRetention() : config.store();
        this.history = new History(store, config.state().dir(), enrichment.waiting(), enrichment.nonBlocking(), Clock.SYSTEM,
                localStore, shipping);
        DetectionConfig d = config.engine().detection();
        this.baselines = d.enabled() && d.baselines() ? new BaselineKeeper(new BaselineFile(config.state().baselinesFile()), saveEvery) : null;
    }

    public static List<ApiToken> tokens(List<ApiTokenSetting> settings) {
        return settings.stream().map(t -> new ApiToken(t.name(), t.token(), t.fullAddresses(), t.readOnly())).toList();
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
            EnginePort e = engine;
            return e == null ? 0 : e.ownPackets();
        });
        GameInputMetrics.register(registry, games);
        notifications = Notifications.open(config.notifications(), config.engine().detection().blockTimeout(), config.enrich(), registry, snapshots(), sinks);
        MaintenanceFile maintenance = new MaintenanceFile(config.state().dir());
        notifications.maintenance().restore(maintenance.load(), maintenance);
        enrichment.use(notifications.enricher());
        try {
            // before the port opens: migrations take a moment, and a served API should mean a pipeline running soon
            history.start(registry);
        } catch (StoreException | IllegalStateException | IOException e) {
            closeNotifications();
            history.close();
            throw new IOException("cannot open the store" + (history.store() == null ? " or spool" : "") + " in "
                    + config.state().dir() + ": " + e.getMessage(), e);
        }
        try {
            startCollectors(); // before the port opens, as capture: a taken UDP port fails the start at once
        } catch (IOException e) {
            closeNotifications();
            history.close();
            throw e;
        }
        HttpServerConfig http = HttpTimeLimits.apply(HttpServerConfig.defaults()
                .withListen(config.http().listen().toSocketAddress())
                .withMetricsAuth(config.http().metricsAuth()), System::getProperty);
        ApiTokens apiTokens = new ApiTokens(tokens(config.apiTokens()));
        server = new NetwardenHttpServer(http, apiTokens, snapshots(), registry, web.factory())
                .setMetricsBasicAuth(web.basicAuth())
                .setHealth(health)
                .setGameView(games.view())
                .setAlertListener(notifications.input()::offer)
                .setMaintenance(notifications.maintenance())
                .setBlockTimeout(config.engine().detection().blockTimeout());
        history.register(server);
        if (history.store() != null) new FlowsApi(history.store()).register(server);
        if (config.router() != null && history.store() != null) {
            router = new RouterRuntime(config.router(), config.state().dir(), e -> {
                EventRouter r = events;
                if (r != null) r.onEvent(e);
            }, java.time.Clock.systemUTC(), saveEvery);
            RouterApi.of(history.store(), router).register(server);
        }
        if (history.store() != null) {
            console = new Console(history.store(), snapshots(), apiTokens, config.incidents().dir(), web.https(), System::currentTimeMillis);
            if (router != null) console.withRouter(ConsoleRules.of(router)); // the router's pages only with its profile
            console.register(server, registry);
        }
        try {
            server.start();
        } catch (IOException e) {
            closeCollectors();
            closeNotifications();
            history.close();
            throw new IOException("cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
        }
        try {
            archive.start();
        } catch (IOException e) {
            server.close();
            closeCollectors();
            closeNotifications();
            history.close();
            throw new IOException("cannot create the incidents directory " + config.incidents().dir() + ": " + e, e);
        }
        Map<String, BaselineState> restored = baselines == null ? Map.of() : baselines.load();
        SinkWorker<Event> log = new SinkWorker<>(new EventLog(AddressFormat.masked()), EventLog.SINK, Clock.SYSTEM);
        archiveWorker = new SinkWorker<>(archive, SinkConfig.ofCapacity(config.incidents().queue()), Clock.SYSTEM);
        sinks.trackAll(List.of(log, archiveWorker, history.sink())); // the notification queues are tracked by Notifications
        events = new EventRouter(List.of(log, archiveWorker, notifications.input(), history.sink()));
        // A live capture reuses its buffer, so shards copy the frames they are handed (false).
        engine = EnginePort.create(config.engine(), events, true, restored, false);
        events.start();
        games.start(engine); // after the router: their events have somewhere to go
        if (router != null) {
            try {
                router.start(registry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the router sources", e);
            }
        }
        if (baselines != null) baselines.start();
        pipeline = Thread.ofPlatform().name("netwarden-pipeline").unstarted(this::runPipeline);
        health.started(pipeline);
        pipeline.start();
    }

    /** The flow collectors, when configured: templates from state.dir, metrics registered, ports bound. */
    private void startCollectors() throws IOException {
        if (!config.collect().enabled()) return;
        collector = new FlowCollector(config.collect().withTemplatesFile(config.state().dir().resolve(FLOW_TEMPLATES)), Clock.SYSTEM,
                history.flowRecords());
        CollectorMetrics.register(registry, collector);
        collector.start();
        feed = new CollectorFeed(collector, feed, Clock.SYSTEM);
    }

    private void closeCollectors() {
        if (collector == null) return;
        collector.close();
        history.flushFlows(); // the decode thread has ended: its last minute's rows
    }

    /** What feeds the pipeline, for the startup line; once started. */
    public synchronized String describeSource() {
        return feed.describe();
    }

    /** The bound UDP port of each flow collector, in configured order; empty without collectors. */
    public synchronized List<Integer> collectorPorts() {
        return collector == null ? List.of() : collector.ports();
    }

    private void runPipeline() {
        EnginePort e = engine;
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
            // A file read to its end: nothing more will come, so its open attacks end where their traffic ended
            // (attack_ended events, archive and store rows); a live source, or a file stopped early, leaves them open.
            e.finish(feed.finite() && feedFailure == null && !stopRequested);
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

    /** A path that signs a browser in to the web console once as the named API token (see {@link Console#oneTimeLink}). */
    public synchronized String consoleSignInLink(String tokenName) {
        if (console == null) throw new IllegalStateException("not started");
        for (ApiToken t : tokens(config.apiTokens())) if (t.name().equals(tokenName)) return console.oneTimeLink(t);
        throw new IllegalArgumentException("no API token named " + tokenName);
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
            EnginePort e = engine;
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
        closeCollectors(); // after the pipeline: saves the learned templates
        if (router != null) router.close(); // before the event router closes: its last events still go out
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
