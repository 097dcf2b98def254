package netwarden.server;

import netwarden.testkit.Promtool;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest extends ServerHarness {
    private static final String QUAKE = "{port=\"27960\",proto=\"udp\",service=\"quake\"}";

    @Test
    void scrapeHasTheSnapshotValuesInTextFormat() throws Exception {
        start(loopback());
        HttpResponse<String> r = get("/metrics", VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).contains(
                "netwarden_packets_total 5000.0\n", "netwarden_bytes_total 400000.0\n",
                "netwarden_flow_table_entries 42.0\n", "netwarden_player_joins_total 9.0\n",
                "netwarden_service_packets_total" + QUAKE + " 1000.0\n",
                "netwarden_service_bytes_out_total" + QUAKE + " 72000.0\n",
                "netwarden_service_pps" + QUAKE + " 12.0\n", "netwarden_service_players" + QUAKE + " 1.0\n",
                "netwarden_service_players_peak" + QUAKE + " 2.0\n");
    }

    @Test
    void countersEndInTotalAndAreTypedCounter() throws Exception {
        start(loopback());
        get("/healthz", null); // a labelled counter shows up once it has a sample
        String text = get("/metrics", VIEWER).body();
        Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(text);
        int counters = 0;
        while (type.find()) {
            String name = type.group(1);
            if (name.endsWith("_total")) {
                assertThat(type.group(2)).as(name).isEqualTo("counter");
                counters++;
            }
            if (type.group(2).equals("counter")) assertThat(name).endsWith("_total");
        }
        assertThat(counters).as("10 engine, 4 per-service, 4 detection, 1 HTTP counters").isEqualTo(19);
        assertThat(text).contains("# TYPE netwarden_service_packets_total counter\n",
                "# TYPE netwarden_http_requests_total counter\n");
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatus() throws Exception {
        start(loopback());
        get("/api/v1/services/quake", VIEWER);
        get("/api/v1/services/quake", VIEWER);
        get("/api/v1/services/nope/players", VIEWER);
        get("/api/v1/services/quake", null);
        get("/no/such/thing", null);
        get("/healthz", null);
        String text = get("/metrics", VIEWER).body();
        assertThat(text).contains(
                "netwarden_http_requests_total{path=\"/api/v1/services/{id}\",status=\"200\"} 2.0\n",
                "netwarden_http_requests_total{path=\"/api/v1/services/{id}\",status=\"401\"} 1.0\n",
                "netwarden_http_requests_total{path=\"/api/v1/services/{id}/players\",status=\"404\"} 1.0\n",
                "netwarden_http_requests_total{path=\"unmatched\",status=\"404\"} 1.0\n",
                "netwarden_http_requests_total{path=\"/healthz\",status=\"200\"} 1.0\n")
                .doesNotContain("/no/such/thing", "path=\"/api/v1/services/quake\"");
    }

    @Test
    void metricsCanBeOpenWhileTheApiStaysProtected() throws Exception {
        start(loopback().withMetricsAuth(false));
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/services", null).statusCode()).isEqualTo(401);
    }

    @Test
    void openMetricsWhenTheScraperAsks() throws Exception {
        start(loopback());
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"), VIEWER);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(
                "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(r.body()).contains("# TYPE netwarden_packets counter\n").endsWith("# EOF\n");
    }

    @Test
    void promtoolAcceptsTheScrape() throws Exception {
        Path promtool = Promtool.find();
        Assumptions.assumeTrue(promtool != null, "promtool not installed (Debian package 'prometheus')");
        start(loopback());
        get("/api/v1/services", VIEWER);
        get("/api/v1/services", null);
        String text = get("/metrics", VIEWER).body();
        assertThat(text).contains("netwarden_http_requests_total{");
        Promtool.Result result = Promtool.checkMetrics(promtool, text.getBytes(StandardCharsets.UTF_8));
        assertThat(result.output()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }
}
