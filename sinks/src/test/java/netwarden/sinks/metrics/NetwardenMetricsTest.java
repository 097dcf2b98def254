package netwarden.sinks.metrics;

import netwarden.testkit.Promtool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.model.EngineSnapshot;
import netwarden.testkit.SnapshotFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NetwardenMetricsTest {
    private static final String QUAKE = "{port=\"27960\",proto=\"udp\",service=\"quake\"}";
    private static final String IDLE = "{port=\"443\",proto=\"tcp\",service=\"2001:db8::10-tcp-443\"}";

    private final AtomicReference<EngineSnapshot> latest = new AtomicReference<>(SnapshotFixtures.snapshot());
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private String scrape() {
        MetricsExposition.Scrape s = new MetricsExposition(registry).scrape(null);
        assertThat(s.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return new String(s.body(), StandardCharsets.UTF_8);
    }

    @Test
    void engineCountersAreCountersWithTheSnapshotValues() {
        NetwardenMetrics.register(registry, latest::get, false);
        String text = scrape();
        assertThat(text).contains(
                "netwarden_packets_total 5000.0\n", "netwarden_bytes_total 400000.0\n",
                "netwarden_non_ip_packets_total 7.0\n", "netwarden_late_packets_total 3.0\n",
                "netwarden_flow_evictions_total 11.0\n", "netwarden_services_discovered_total 1.0\n",
                "netwarden_source_sketch_switches_total 2.0\n", "netwarden_player_joins_total 9.0\n",
                "netwarden_player_leaves_total 4.0\n", "netwarden_flow_table_entries 42.0\n",
                "netwarden_endpoints_tracked 17.0\n", "netwarden_untracked_endpoint_packets_total 13.0\n",
                "# TYPE netwarden_packets_total counter\n", "# TYPE netwarden_flow_table_entries gauge\n");
    }

    @Test
    void serviceMetricsCarryServiceProtoAndPortLabels() {
        NetwardenMetrics.register(registry, latest::get, false);
        String text = scrape();
        assertThat(text).contains(
                "netwarden_service_packets_total" + QUAKE + " 1000.0\n",
                "netwarden_service_bytes_total" + QUAKE + " 64000.0\n",
                "netwarden_service_packets_out_total" + QUAKE + " 900.0\n",
                "netwarden_service_bytes_out_total" + QUAKE + " 72000.0\n",
                "netwarden_service_pps" + QUAKE + " 12.0\n",
                "netwarden_service_bps" + QUAKE + " 9600.0\n",
                "netwarden_service_sources" + QUAKE + " 3.0\n",
                "netwarden_service_players" + QUAKE + " 2.0\n",
                "netwarden_service_players_peak" + QUAKE + " 3.0\n",
                "netwarden_service_peak_pps" + QUAKE + " 40.0\n",
                "netwarden_service_packets_total" + IDLE + " 5.0\n");
    }

    @Test
    void aServiceWhoseNewestBinIsOldHasZeroRates() {
        NetwardenMetrics.register(registry, latest::get, false);
        String text = scrape();
        assertThat(text).contains("netwarden_service_pps" + IDLE + " 0.0\n", "netwarden_service_bps" + IDLE + " 0.0\n",
                "netwarden_service_sources" + IDLE + " 0.0\n", "netwarden_service_peak_pps" + IDLE + " 5.0\n");
    }

    @Test
    void valuesFollowTheLatestSnapshotAtScrapeTime() {
        NetwardenMetrics.register(registry, latest::get, false);
        latest.set(EngineSnapshot.EMPTY);
        String text = scrape();
        assertThat(text).contains("netwarden_packets_total 0.0\n").doesNotContain("service=\"quake\"");
        latest.set(null);
        assertThat(scrape()).contains("netwarden_packets_total 0.0\n");
    }

    @Test
    void duplicateServiceIdsDoNotBreakTheScrape() {
        NetwardenMetrics.register(registry, latest::get, false);
        EngineSnapshot s = SnapshotFixtures.snapshot();
        latest.set(new EngineSnapshot(s.asOfNanos(), List.of(SnapshotFixtures.quake(), SnapshotFixtures.quake()), s.players(),
                s.counters()));
        assertThat(count(scrape(), "netwarden_service_packets_total\\{")).isEqualTo(1);
    }

    @Test
    void everyCounterEndsInTotalAndEveryMetricHasHelp() {
        NetwardenMetrics.register(registry, latest::get, true);
        String text = scrape();
        Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(text);
        int families = 0;
        while (type.find()) {
            families++;
            if (type.group(2).equals("counter")) assertThat(type.group(1)).endsWith("_total");
            assertThat(text).contains("# HELP " + type.group(1) + " ");
        }
        assertThat(families).isGreaterThan(20);
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherComponentsRegisterOnTheSameRegistry() {
        NetwardenMetrics metrics = NetwardenMetrics.register(registry, latest::get, false);
        Counter drops = Counter.builder().name("netwarden_notifier_dropped_total").help("Dropped.")
                .register(metrics.registry());
        drops.inc(2);
        assertThat(scrape()).contains("netwarden_notifier_dropped_total 2.0\n");
    }

    @Test
    void registeringTwiceOnOneRegistryFails() {
        NetwardenMetrics.register(registry, latest::get, false);
        assertThatThrownBy(() -> NetwardenMetrics.register(registry, latest::get, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("netwarden_packets");
    }

    @Test
    void openMetricsWhenAsked() {
        NetwardenMetrics.register(registry, latest::get, false);
        MetricsExposition.Scrape s = new MetricsExposition(registry)
                .scrape("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(s.contentType()).startsWith("application/openmetrics-text");
        String text = new String(s.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE netwarden_packets counter\n", "netwarden_packets_total 5000.0\n")
                .endsWith("# EOF\n");
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        Path promtool = Promtool.find();
        Assumptions.assumeTrue(promtool != null, "promtool not installed (Debian package 'prometheus')");
        NetwardenMetrics.register(registry, latest::get, true);
        Promtool.Result r = Promtool.checkMetrics(promtool, scrape().getBytes(StandardCharsets.UTF_8));
        assertThat(r.output()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
