package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import netwarden.model.EngineSnapshot;
import org.junit.jupiter.api.Test;

/** {@code /healthz} reports the health source's verdict: 200 or 503, with the status and the reason. */
class HealthEndpointTest {
    private final AtomicReference<Health> health = new AtomicReference<>(Health.OK);

    @Test
    void answersWhatTheHealthSourceSaysOnEveryRequestWithoutAToken() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (NetwardenHttpServer s = new NetwardenHttpServer(ServerHarness.loopback(), new ApiTokens(List.of()),
                () -> EngineSnapshot.EMPTY, registry).setHealth(health::get)) {
            s.start();
            assertThat(get(s, 200)).isEqualTo("{\"status\":\"ok\"}");
            health.set(Health.healthy("done", "the capture file was read to its end"));
            assertThat(get(s, 200)).isEqualTo("{\"status\":\"done\",\"reason\":\"the capture file was read to its end\"}");
            health.set(Health.unhealthy("stalled", "no second closed for 31 s"));
            assertThat(get(s, 503)).isEqualTo("{\"status\":\"stalled\",\"reason\":\"no second closed for 31 s\"}");
            assertThatThrownBy(() -> s.setHealth(health::get)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aHealthNeedsAStatusAndAnUnhealthyOneAReason() {
        assertThatThrownBy(() -> new Health(true, " ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Health.unhealthy("failed", null)).isInstanceOf(NullPointerException.class);
    }

    private static String get(NetwardenHttpServer s, int status) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(Response.JSON);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            return r.body();
        }
    }
}
