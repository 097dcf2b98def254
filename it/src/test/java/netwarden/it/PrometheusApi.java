package netwarden.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prometheus' HTTP API on 127.0.0.1 over HTTPS, presenting Prometheus' client certificate as its
 * web.yml requires (and a wait helper for eventually-true conditions).
 */
final class PrometheusApi {
    private final HttpClient client;
    private final String base;

    PrometheusApi(int port, Path tlsDir) {
        this.client = TlsClients.prometheus(tlsDir);
        this.base = "https://127.0.0.1:" + port;
    }

    /** The whole answer of {@code GET path}; {@code status} "success" or "error" (with {@code error}). */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Expressions.JSON.readTree(r.body());
    }

    /** An instant query's answer. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Every metric name Prometheus has series for. */
    Set<String> metricNames() throws IOException, InterruptedException {
        Set<String> out = new TreeSet<>();
        get("/api/v1/label/__name__/values").path("data").forEach(n -> out.add(n.asText()));
        return out;
    }

    boolean ready() {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code condition} every 250 ms until true; false after {@code timeout}. */
    static boolean await(Duration timeout, CheckedCondition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.test()) return true;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    @FunctionalInterface
    interface CheckedCondition {
        boolean test() throws IOException, InterruptedException;
    }
}
