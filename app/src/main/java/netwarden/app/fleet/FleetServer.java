package netwarden.app.fleet;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.history.HistoryApi;
import netwarden.app.run.HttpTimeLimits;
import netwarden.app.run.LiveRuntime;
import netwarden.app.run.Notifications;
import netwarden.app.run.WebSecurity;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.Sleeper;
import netwarden.ship.kafka.KafkaIngest;
import netwarden.ship.metrics.ShipMetrics;
import netwarden.ship.receive.AgentCredentials;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.IngestHandler;
import netwarden.ship.receive.StoreLedger;
import netwarden.sinks.route.SinkMetrics;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.StoreMetrics;
import netwarden.store.StoreWriter;
import netwarden.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central server: no capture of its own. Agents' batches arrive over HTTPS ({@code POST /api/v1/ingest}, an
 * agent token each) and/or from a Kafka consumer group, and go through the {@link StoreLedger} into one store
 * (PostgreSQL, or the embedded one for a small fleet) with each agent's high-water mark. The API serves every
 * agent ({@code ?agent=} filters; {@code /api/v1/agents} lists them with freshness and gaps); the
 * {@link FleetMonitor} raises freshness, gap and fleet-rule events into the store and the notifications.
 *
 * <p>Design notes: the constructor is inert; {@link #start()} opens and migrates the store, starts notifications,
 * the ledger, the HTTP port and the Kafka consumer, then a timer thread (freshness every second, the agents
 * file reread when it changes, so a revocation takes effect within seconds). {@link #close()} stops them in the
 * reverse order; a batch in flight either commits or is answered 503 and retried by its agent.
 */
public final class FleetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetServer.class);

    private final NetwardenConfig config;
    private final ServerSettings settings;
    private final Clock clock;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AgentCredentials credentials = new AgentCredentials();
    private Store store;
    private StoreWriter writer;
    private Notifications notifications;
    private FleetMonitor monitor;
    private StoreLedger ledger;
    private NetwardenHttpServer http;
    private KafkaIngest kafka;
    private ScheduledExecutorService timer;
    private WebSecurity web;
    private FileTime agentsStamp;

    public FleetServer(NetwardenConfig config, ServerSettings settings, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized void start() throws IOException {
        web = WebSecurity.prepare(config.http(), clock);
        web.register(registry);
        Files.createDirectories(config.state().dir());
        StoreConfig sc = StoreConfig.defaults().withUrl(settings.storeUrl());
        store = Stores.open(sc, config.state().dir());
        try {
            store.start();
        } catch (RuntimeException e) {
            store.close();
            throw new IOException("cannot open the store " + (settings.storeUrl().isEmpty() ? "in " + config.state().dir() : settings.storeUrl().replaceAll("//[^@/]*@", "//***@"))
                    + ": " + e.getMessage(), e);
        }
        StoreMetrics storeMetrics = new StoreMetrics();
        storeMetrics.register(registry);
        writer = new StoreWriter(store, sc, clock, storeMetrics);
        writer.start();
        SinkMetrics sinks = new SinkMetrics().register(registry);
        notifications = Notifications.open(config.notifications(), config.engine().detection().blockTimeout(), config.enrich(), registry, () -> EngineSnapshot.EMPTY, sinks);
        notifications.input().start();
        monitor = new FleetMonitor(clock, settings.staleAfter(), settings.fleetHosts(), settings.fleetWindow(), writer::offer,
                e -> notifications.input().offer(e));
        monitor.register(registry);
        for (var t : config.apiTokens()) credentials.addServer(t.token());
        reloadAgents();
        ledger = new StoreLedger(store, clock, settings.groupRows(), monitor::received);
        ledger.start();
        BatchReceiver receiver = new BatchReceiver(ledger);
        ShipMetrics.registerServer(registry, receiver);
        ShipMetrics.registerLedger(registry, ledger);
        HttpServerConfig hc = HttpTimeLimits.apply(HttpServerConfig.defaults().withListen(config.http().listen().toSocketAddress())
                .withMetricsAuth(config.http().metricsAuth()), System::getProperty);
        http = new NetwardenHttpServer(hc, new ApiTokens(LiveRuntime.tokens(config.apiTokens())), () -> EngineSnapshot.EMPTY, registry, web.factory())
                .setMetricsBasicAuth(web.basicAuth())
                .addRawContext(IngestHandler.PATH, new IngestHandler(receiver, credentials));
        HistoryApi.fleet(store).register(http);
        new FleetApi(store, monitor).register(http);
        http.start();
        if (settings.kafka() != null) {
            kafka = new KafkaIngest(receiver, settings.kafkaTopic(), settings.kafkaGroup(), Map.of("bootstrap.servers", settings.kafka()),
                    new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), new Random()), Sleeper.SYSTEM);
            kafka.start();
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("netwarden-fleet").unstarted(r));
        timer.scheduleAtFixedRate(this::chores, 1, 1, TimeUnit.SECONDS);
    }

    private void chores() {
        try {
            monitor.tick();
            FileTime t = Files.exists(settings.agentsFile()) ? Files.getLastModifiedTime(settings.agentsFile()) : null;
            if (!java.util.Objects.equals(t, agentsStamp)) reloadAgents();
        } catch (IOException | RuntimeException e) {
            LOG.warn("fleet chores: {}", e.toString());
        }
    }

    private void reloadAgents() throws IOException {
        agentsStamp = Files.exists(settings.agentsFile()) ? Files.getLastModifiedTime(settings.agentsFile()) : null;
        AgentsFile.Agents a = AgentsFile.read(settings.agentsFile());
        credentials.replaceAgents(a.hashByAgent(), a.revoked());
        monitor.agents(a.hashByAgent().keySet(), a.revoked(), store.marks());
        LOG.info("agents file {}: {} agents, {} revoked", settings.agentsFile(), a.hashByAgent().size(), a.revoked().size());
    }

    public synchronized int port() {
        return http.port();
    }

    public String scheme() {
        return web.https() ? "https" : "http";
    }

    public String security() {
        return web.describe();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public Store store() {
        return store;
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        try {
            if (kafka != null) kafka.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) http.close();
        try {
            if (ledger != null) ledger.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (notifications != null) notifications.close();
        if (writer != null) writer.close();
        if (store != null) store.close();
    }
}
