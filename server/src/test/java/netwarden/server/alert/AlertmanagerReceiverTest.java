package netwarden.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.wire.JsonText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/alerts/alertmanager on the real server. */
class AlertmanagerReceiverTest {
    private static final String TOKEN = "alertmanager-token-0123";
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private NetwardenHttpServer server;

    private void start(EventListener listener) throws Exception {
        HttpServerConfig config = HttpServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0))
                .withStopGrace(Duration.ZERO);
        server = new NetwardenHttpServer(config, new ApiTokens(List.of(new ApiToken("am", TOKEN, false))),
                () -> EngineSnapshot.EMPTY, registry).setAlertListener(listener);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + AlertmanagerReceiver.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aValidPayloadReachesTheListenerAndIsCounted() throws Exception {
        start(received::add);
        HttpResponse<String> r = post(AlertmanagerPayloadTest.SAMPLE, TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"received\":2}");
        assertThat(received).extracting(Event::service).containsExactly("arena", "HostHighCpu");
        assertThat(metrics()).contains(
                "netwarden_alertmanager_alerts_received_total{status=\"firing\"} 1.0",
                "netwarden_alertmanager_alerts_received_total{status=\"resolved\"} 1.0",
                "netwarden_alertmanager_requests_rejected_total{reason=\"invalid_payload\"} 0.0",
                "netwarden_alertmanager_listener_failures_total 0.0");
    }

    @Test
    void strangersAreRefusedBeforeTheBodyIsRead() throws Exception {
        start(received::add);
        assertThat(post(AlertmanagerPayloadTest.SAMPLE, null).statusCode()).isEqualTo(401);
        assertThat(post(AlertmanagerPayloadTest.SAMPLE, "wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void badPayloadsGet400JsonNamingTheFieldAndDeliverNothing() throws Exception {
        start(received::add);
        HttpResponse<String> r = post(AlertmanagerPayloadTest.SAMPLE.replace("\"00ff\"", "\"zz\""), TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JsonText.mapper().readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("alerts[1].fingerprint must be hexadecimal: \"zz\"");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(post("{oops", TOKEN).statusCode()).isEqualTo(400);
        assertThat(received).isEmpty();
        assertThat(metrics()).contains("netwarden_alertmanager_requests_rejected_total{reason=\"invalid_payload\"} 1.0",
                "netwarden_alertmanager_requests_rejected_total{reason=\"malformed_json\"} 1.0");
    }

    @Test
    void bodiesOverOneMebibyteGet413DeclaredOrChunked() throws Exception {
        start(received::add);
        // Declared too large: refused before a byte of the body is read.
        assertThat(raw("Content-Length: " + (AlertmanagerReceiver.MAX_BODY + 1) + "\r\n\r\n")).startsWith("HTTP/1.1 413 ");
        // Chunked: read up to the limit, refused past it.
        String chunk = "x".repeat(64 * 1024);
        String chunks = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                .repeat(AlertmanagerReceiver.MAX_BODY / chunk.length() + 1);
        assertThat(raw("Transfer-Encoding: chunked\r\n\r\n" + chunks)).startsWith("HTTP/1.1 413 ");
        // A chunked body within the limit is fine.
        String sample = AlertmanagerPayloadTest.SAMPLE;
        assertThat(raw("Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(sample.length()) + "\r\n" + sample
                + "\r\n0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(received).hasSize(2);
    }

    /** Sends an authenticated POST head plus {@code rest} on a raw socket and returns the status line and headers. */
    private String raw(String rest) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            String head = "POST " + AlertmanagerReceiver.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nContent-Type: application/json\r\n";
            s.getOutputStream().write((head + rest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    @Test
    void aThrowingListenerIsCountedAndTheRequestStillSucceeds() throws Exception {
        start(e -> {
            if (e.service().equals("arena")) throw new IllegalStateException("router full");
            received.add(e);
        });
        assertThat(post(AlertmanagerPayloadTest.SAMPLE, TOKEN).statusCode()).isEqualTo(200);
        assertThat(received).extracting(Event::service).containsExactly("HostHighCpu");
        assertThat(metrics()).contains("netwarden_alertmanager_listener_failures_total 1.0");
    }

    @Test
    void withoutAListenerTheEndpointDoesNotExist() throws Exception {
        start(EventListener.NONE);
        assertThat(post(AlertmanagerPayloadTest.SAMPLE, TOKEN).statusCode()).isEqualTo(404);
        assertThat(metrics()).doesNotContain("netwarden_alertmanager");
    }
}
