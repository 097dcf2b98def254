package netwarden.sources.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterMetricsTest {
    @Test
    void countersAreReadAtScrapeTime() throws Exception {
        var conntrack = new RouterCounters("conntrack");
        var registry = new PrometheusRegistry();
        RouterMetrics.register(registry, List.of(conntrack));
        conntrack.event("destroy");
        conntrack.bytes(1500);
        conntrack.overrun();
        conntrack.resync();
        conntrack.parseError("message");
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("netwarden_router_events_total{kind=\"destroy\",source=\"conntrack\"} 1")
                .contains("netwarden_router_bytes_total{source=\"conntrack\"} 1500")
                .contains("netwarden_router_overruns_total{source=\"conntrack\"} 1")
                .contains("netwarden_router_resyncs_total{source=\"conntrack\"} 1")
                .contains("netwarden_router_parse_errors_total{reason=\"message\",source=\"conntrack\"} 1");
    }
}
