package netwarden.it;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.Clock;
import netwarden.model.EventListener;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.tls.TlsServerConfig;
import netwarden.server.tls.TlsServerFactory;
import netwarden.enrich.Enricher;
import netwarden.enrich.GeoMetrics;
import netwarden.sinks.metrics.NetwardenMetrics;
import netwarden.sinks.notify.Notifiers;
import netwarden.sinks.notify.NotifyMetrics;
import netwarden.model.Event;
import netwarden.sinks.notify.NotificationRouter;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.route.SinkMetrics;
import netwarden.sinks.route.SinkWorker;

/**
 * netwarden wired as `run` wires it, in this JVM: an engine fed {@link SyntheticTraffic} on its
 * own pipeline thread at wall-clock time; its metrics, the GeoIP metrics (no GeoIP data: countries
 * are reserved-range labels or "unknown") and the notification router with one Discord channel
 * (the one-line NETWARDEN_DISCORD_WEBHOOK setup); and the HTTP server over HTTPS with client
 * certificates required (the stack's web.yml) on 127.0.0.1, a free port. Engine events and alerts
 * from Alertmanager both go to the router, and are recorded for the test.
 */
final class InProcessNetwarden implements AutoCloseable {
    final PrometheusRegistry registry = new PrometheusRegistry();
    final Engine engine;
    final NetwardenHttpServer server;
    final TlsServerFactory tls;
    private final String discordUrl;
    private final Thread pipeline;
    private volatile NotificationRouter router;
    /** The router's input, as the runtime's EventRouter holds it. */
    private volatile SinkWorker<Event> notifications;
    private volatile boolean stop;

    InProcessNetwarden(Path tlsDir, List<ApiToken> tokens, String discordUrl, EventListener engineEvents, EventListener alerts) {
        this.discordUrl = discordUrl;
        EngineConfig defaults = EngineConfig.defaults();
        engine = new Engine(new EngineConfig(List.of(
                new ServiceSpec("arena", new ServiceKey(Ip.parse(SyntheticTraffic.ARENA), Proto.UDP, SyntheticTraffic.ARENA_PORT), null),
                new ServiceSpec("blocks", new ServiceKey(Ip.parse(SyntheticTraffic.BLOCKS), Proto.TCP, SyntheticTraffic.BLOCKS_PORT), null)),
                defaults.discovery(), defaults.players(), defaults.windows(), defaults.flowCapacity(), defaults.detection()),
                e -> {
                    engineEvents.onEvent(e);
                    notifications.offer(e);
                }, true);
        tls = TlsServerFactory.load(TlsServerConfig.of(tlsDir.resolve("server.pem"), tlsDir.resolve("server-key.pem"))
                .withRequiredClientCertificates(tlsDir.resolve("ca.pem")), Clock.SYSTEM);
        HttpServerConfig http = HttpServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0))
                .withStopGrace(Duration.ZERO);
        server = new NetwardenHttpServer(http, new ApiTokens(tokens), engine.published(), registry, tls)
                .setAlertListener(e -> {
                    alerts.onEvent(e);
                    notifications.offer(e);
                });
        long start = Clock.SYSTEM.nanos();
        // The flood starts after the players joined and lasts as long as the test, so the attack
        // metrics have series whenever a test reads them.
        SyntheticTraffic traffic = new SyntheticTraffic(engine, start, start + 8_000_000_000L, Long.MAX_VALUE);
        pipeline = Thread.ofPlatform().name("it-pipeline").daemon().unstarted(() -> {
            while (!stop) {
                traffic.advance(Clock.SYSTEM.nanos());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    InProcessNetwarden start() throws IOException {
        NetwardenMetrics.register(registry, engine.published(), true);
        Enricher enricher = Enricher.none();
        GeoMetrics geo = GeoMetrics.register(registry, engine.published(), enricher);
        NotifyMetrics notifyMetrics = new NotifyMetrics();
        notifyMetrics.register(registry);
        NotifyConfig notify = NotifyConfig.defaults().withEnvironment(Map.of(NotifyConfig.DISCORD_ENV, discordUrl));
        router = Notifiers.router(notify, netwarden.wire.BlockRules.DEFAULT_TIMEOUT, new NotificationRouter.Deps(enricher, null, geo, engine.published(), Clock.SYSTEM, notifyMetrics));
        notifications = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
        SinkMetrics sinks = new SinkMetrics().register(registry);
        sinks.track(notifications);
        sinks.trackAll(router.channelWorkers());
        router.start();
        notifications.start();
        tls.register(registry);
        server.start();
        pipeline.start();
        return this;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        stop = true;
        pipeline.interrupt();
        try {
            pipeline.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        if (notifications != null) notifications.close(Duration.ofSeconds(2));
        if (router != null) router.closeChannels(Duration.ofSeconds(2));
    }
}
