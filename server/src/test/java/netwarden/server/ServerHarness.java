package netwarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import netwarden.model.EngineSnapshot;
import netwarden.wire.JsonText;
import netwarden.sinks.metrics.NetwardenMetrics;
import org.junit.jupiter.api.AfterEach;

/** Starts a server on 127.0.0.1 port 0 over {@link Snapshots#sample()} and talks to it with HttpClient. */
abstract class ServerHarness {
    static final String VIEWER = "viewer-secret-0123456789";
    static final String ADMIN = "admin-secret-0123456789ab";
    static final ApiTokens TOKENS = new ApiTokens(List.of(
            new ApiToken("viewer", VIEWER, false), new ApiToken("admin", ADMIN, true)));

    final AtomicReference<EngineSnapshot> latest = new AtomicReference<>(Snapshots.sample());
    final PrometheusRegistry registry = new PrometheusRegistry();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    NetwardenHttpServer server;

    static HttpServerConfig loopback() {
        return HttpServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0))
                .withStopGrace(Duration.ZERO);
    }

    void start(HttpServerConfig config) throws IOException {
        NetwardenMetrics.register(registry, latest::get, false);
        server = new NetwardenHttpServer(config, TOKENS, latest::get, registry);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) request.header("Authorization", "Bearer " + token);
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JsonText.mapper().readTree(response.body());
    }
}
