package netwarden.ship.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import netwarden.model.Clock;
import netwarden.ship.format.ShipRow;
import netwarden.ship.metrics.ShipMetrics;
import netwarden.sinks.metrics.MetricsExposition;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkWorker;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool as one more sink behind a SinkWorker, and its metrics as scraped. */
class SpoolSinkTest {
    @TempDir Path tmp;

    @Test
    void rowsThroughTheSinkWorkerLandInTheSpoolAndEvictionsAreScraped() throws Exception {
        SpoolConfig c = new SpoolConfig(tmp.resolve("spool"), 64 << 10, 8 << 10, Duration.ofSeconds(1));
        try (Spool spool = new Spool(c, "agent-1", new FakeClock(1_000_000_000_000L))) {
            spool.open();
            PrometheusRegistry registry = new PrometheusRegistry();
            ShipMetrics.registerAgent(registry, spool.stats(), null);
            SinkWorker<ShipRow> w = new SinkWorker<>(new SpoolSink(spool), SinkConfig.ofCapacity(10_000), Clock.SYSTEM);
            w.start();
            for (ShipRow r : SpoolTest.rows("events", 0, 1_000)) assertThat(w.offer(r)).isTrue();
            w.close(Duration.ofSeconds(10));
            assertThat(w.delivered()).isEqualTo(1_000);
            assertThat(spool.stats().appendedRows()).isEqualTo(1_000);
            assertThat(spool.durable()).as("flush on close syncs").isEqualTo(spool.lastSequence());
            long evicted = spool.stats().evictedRows();
            assertThat(evicted).isPositive();
            String text = new String(new MetricsExposition(registry).scrape(null).body(), StandardCharsets.UTF_8);
            assertThat(text).contains("netwarden_ship_spool_evicted_total " + (double) evicted,
                    "netwarden_ship_spool_evicted_bytes_total " + (double) spool.stats().evictedBytes(),
                    "netwarden_ship_spool_appended_rows_total 1000.0");
        }
    }
}
