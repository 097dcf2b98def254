package netwarden.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import netwarden.app.notify.EnrichSettings;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.enrich.Enricher;
import netwarden.enrich.EnricherLoader;
import netwarden.enrich.GeoMetrics;
import netwarden.enrich.SeenAddresses;
import netwarden.sinks.notify.Notifiers;
import netwarden.sinks.notify.NotifyMetrics;
import netwarden.sinks.notify.NotificationRouter;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.route.SinkMetrics;
import netwarden.sinks.route.SinkWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification side of the live runtime: GeoIP/ASN enrichment, the returning-player store, the
 * by-country metrics and the notification router with its channels. {@link #open} builds them and
 * starts the channels (the router even without channels, so the metrics exist and Alertmanager alerts
 * are counted); the router's {@link #input() input worker} goes into the runtime's event router,
 * which starts and closes it. {@link #close} closes that input if still open (routing what is queued
 * and sending pending digests), flushes the channels within {@link #FLUSH}, then closes the store and
 * the enricher.
 */
public final class Notifications implements AutoCloseable {
    /** How long shutdown waits for queued notices to be delivered. */
    public static final Duration FLUSH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final Enricher enricher;
    private final SeenAddresses seen;
    private final NotificationRouter router;
    private final SinkWorker<Event> input;

    private Notifications(Enricher enricher, SeenAddresses seen, NotificationRouter router) {
        this.enricher = enricher;
        this.seen = seen;
        this.router = router;
        this.input = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
    }

    /**
     * Loads the enrichment data, opens the returning-player store, registers the metrics (the
     * router's input and channel queues in {@code sinks}) and starts the channels.
     *
     * @param blockTimeout how long the attacks' block rules block ({@code detection.block-timeout})
     * @param snapshots the engine's latest snapshot (services and players for the messages)
     * @throws IOException when an explicitly configured data file is missing or malformed (a returning-player
     *                     store that cannot be opened is only a WARN: see {@link SeenAddresses#open})
     */
    public static Notifications open(NotifyConfig notify, Duration blockTimeout, EnrichSettings enrich, PrometheusRegistry registry,
                              Supplier<EngineSnapshot> snapshots, SinkMetrics sinks) throws IOException {
        Enricher enricher = EnricherLoader.open(enrich.enrich());
        SeenAddresses seen = null;
        try {
            if (enrich.returningStore() != null) seen = SeenAddresses.open(enrich.returningStore(), enrich.returningMax());
        } catch (IOException e) {
            // Damaged files were moved aside already; what is left (no permission, a read-only disk) costs only the
            // "returning player" marker, never the monitoring: go on without it.
            LOG.warn("cannot open the returning-player store {} ({}): going on without it, no join is marked as returning",
                    enrich.returningStore(), e.toString());
        }
        enricher.start();
        GeoMetrics geo = GeoMetrics.register(registry, snapshots, enricher);
        NotifyMetrics metrics = new NotifyMetrics();
        metrics.register(registry);
        NotificationRouter router = Notifiers.router(notify, blockTimeout, new NotificationRouter.Deps(enricher, seen, geo, snapshots, Clock.SYSTEM, metrics));
        Notifications n = new Notifications(enricher, seen, router);
        sinks.track(n.input);
        sinks.trackAll(router.channelWorkers());
        router.start();
        if (notify.channels().isEmpty())
            LOG.info("no notification channels configured (notify.channels, or {}=<Discord webhook URL>)", NotifyConfig.DISCORD_ENV);
        return n;
    }

    /** The loaded GeoIP/ASN enricher (the store's rows use it too). */
    Enricher enricher() {
        return enricher;
    }

    /** Maintenance windows set from the API ({@code /api/v1/notify/maintenance}). */
    public netwarden.sinks.notify.Maintenance maintenance() {
        return router.maintenance();
    }

    /** The router's queue: receives engine events (through the event router) and Alertmanager alerts. */
    public SinkWorker<Event> input() {
        return input;
    }

    @Override
    public void close() {
        input.close(FLUSH);
        router.closeChannels(FLUSH);
        if (seen != null) {
            try {
                seen.close();
            } catch (IOException e) {
                LOG.warn("cannot close the returning-player store: {}", e.toString());
            }
        }
        enricher.close();
    }
}
