package netwarden.sinks.metrics;

import netwarden.testkit.Promtool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netwarden.model.DetectionCounters;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.model.ScopeKind;
import netwarden.model.AttackKind;
import netwarden.model.Severity;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {
    static Incident incident(String target, String kind, long end, long pps) {
        return new Incident("service:" + target + ":1", ScopeKind.SERVICE, target, target, AttackKind.ofLabel(kind), "evidence", Severity.HIGH,
                1_000_000_000L, end, end == 0 ? pps : 0, end == 0 ? pps * 800 : 0, pps, pps * 800, 100, 10_000, 50, true, false,
                List.of(), List.of(), List.of());
    }

    final EngineSnapshot snapshot = new EngineSnapshot(5_000_000_000L, List.of(), List.of(), EngineCounters.ZERO,
            List.of(incident("game", "udp_flood", 0, 6100), incident("old", "tcp_syn_flood", 3_000_000_000L, 900)),
            new DetectionCounters(Map.of("udp_flood", 2L, "tcp_syn_flood", 1L), 4200, 2_500_000_000L, 7, 3, 99));

    String scrape() {
        var registry = new PrometheusRegistry();
        NetwardenMetrics.register(registry, () -> snapshot, false);
        return new String(new MetricsExposition(registry).scrape(null).body(), StandardCharsets.UTF_8);
    }

    @Test
    void attacksAreCountedByKindAndOnlyActiveOnesAreGauged() {
        String text = scrape();
        assertThat(text).contains("netwarden_attacks_started_total{kind=\"udp_flood\"} 2.0")
                .contains("netwarden_attacks_started_total{kind=\"tcp_syn_flood\"} 1.0")
                .contains("netwarden_attack_active{kind=\"udp_flood\",scope=\"service\",severity=\"high\",target=\"game\"} 1.0")
                .contains("netwarden_attack_pps{scope=\"service\",target=\"game\"} 6100.0")
                .contains("netwarden_attack_bps{scope=\"service\",target=\"game\"} 4880000.0")
                .contains("netwarden_detector_evaluations_total 4200.0")
                .contains("netwarden_detector_evaluation_seconds_total 2.5")
                .contains("netwarden_detection_hosts_tracked 7.0")
                .contains("netwarden_detection_untracked_host_packets_total 3.0")
                .contains("netwarden_detection_frozen_source_packets_total 99.0")
                .doesNotContain("target=\"old\"");
    }

    @Test
    void promtoolAcceptsTheDetectionMetrics() throws Exception {
        Path promtool = Promtool.find();
        assumeTrue(promtool != null, "promtool not installed (apt-get install prometheus)");
        Promtool.Result r = Promtool.checkMetrics(promtool, scrape().getBytes(StandardCharsets.UTF_8));
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
