package netwarden.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import netwarden.app.notify.EnrichSettings;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.sinks.enrich.Enricher;
import netwarden.sinks.enrich.EnricherLoader;
import netwarden.sinks.enrich.GeoMetrics;
import netwarden.sinks.enrich.SeenAddresses;
import netwarden.sinks.notify.Notifiers;
import netwarden.sinks.notify.NotifyMetrics;
import netwarden.sinks.notify.Router;
import netwarden.sinks.notify.config.NotifyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification side of the live runtime: GeoIP/ASN enrichment, the returning-player store, the
 * by-country metrics and the notification router with its channels. {@link #open} builds and starts
 * them all (the router even without channels, so the metrics exist and Alertmanager alerts are
 * counted); {@link #close} flushes the router within {@link #FLUSH}, then closes the store and the
 * enricher. The router is an {@link netwarden.model.EventListener} that never blocks.
 */
final class Notifications implements AutoCloseable {
    /** How long shutdown waits for queued notices to be delivered. */
    static final Duration FLUSH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final Enricher enricher;
    private final SeenAddresses seen;
    private final Router router;

    private Notifications(Enricher enricher, SeenAddresses seen, Router router) {
        this.enricher = enricher;
        this.seen = seen;
        this.router = router;
    }

    /**
     * Loads the enrichment data, opens the returning-player store, registers the metrics and starts
     * the router.
     *
     * @param snapshots the engine's latest snapshot (services and players for the messages)
     * @throws IOException when an explicitly configured data file is missing or malformed (a returning-player
     *                     store that cannot be opened is only a WARN: see {@link SeenAddresses#open})
     */
    static Notifications open(NotifyConfig notify, EnrichSettings enrich, PrometheusRegistry registry,
                              Supplier<EngineSnapshot> snapshots) throws IOException {
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
        Router router = Notifiers.router(notify, new Router.Deps(enricher, seen, geo, snapshots, Clock.SYSTEM, metrics));
        router.start();
        if (notify.channels().isEmpty())
            LOG.info("no notification channels configured (notify.channels, or {}=<Discord webhook URL>)", NotifyConfig.DISCORD_ENV);
        return new Notifications(enricher, seen, router);
    }

    /** Receives engine events and Alertmanager alerts. */
    Router router() {
        return router;
    }

    @Override
    public void close() {
        router.close(FLUSH);
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
