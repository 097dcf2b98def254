package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureMetricsTest {
    @Test
    void exposesEveryCounterOfEverySourceWithItsLabels() throws Exception {
        LivePipelineTest.HandSource source = new LivePipelineTest.HandSource();
        CaptureCounters c = source.counters;
        c.addPackets(1000, 64_000);
        c.dropsAtLeast(CaptureCounters.KERNEL, 7);
        c.addDrops(CaptureCounters.HANDOFF, 3);
        c.addEvictions(42);
        c.setMapFill(0.5);
        c.readCycle(2_000_000);
        PrometheusRegistry registry = new PrometheusRegistry();
        CaptureMetrics.register(registry, List.of(source));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("netwarden_capture_packets_total{interface=\"hand0\",source=\"test\"} 1000.0")
                .contains("netwarden_capture_bytes_total{interface=\"hand0\",source=\"test\"} 64000.0")
                .contains("netwarden_capture_drops_total{interface=\"hand0\",reason=\"kernel\",source=\"test\"} 7.0")
                .contains("netwarden_capture_drops_total{interface=\"hand0\",reason=\"handoff\",source=\"test\"} 3.0")
                .contains("netwarden_capture_drops_total{interface=\"hand0\",reason=\"interface\",source=\"test\"} 0.0")
                .contains("netwarden_capture_evictions_total{interface=\"hand0\",source=\"test\"} 42.0")
                .contains("netwarden_capture_map_fill_ratio{interface=\"hand0\",source=\"test\"} 0.5")
                .contains("netwarden_capture_read_cycle_seconds_count{interface=\"hand0\",source=\"test\"} 1")
                .contains("netwarden_capture_read_cycle_seconds_sum{interface=\"hand0\",source=\"test\"} 0.002");
        c.dropsAtLeast(CaptureCounters.KERNEL, 5); // a kernel total never goes back
        assertThat(c.drops(CaptureCounters.KERNEL)).isEqualTo(7);
    }
}
