package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiEndpointsTest extends ServerHarness {
    @BeforeEach
    void startServer() throws Exception {
        start(loopback());
    }

    @Test
    void healthzIsOpen() throws Exception {
        HttpResponse<String> r = get("/healthz", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/api/v1/services", "/api/v1/services/quake", "/api/v1/services/quake/players",
            "/api/v1/services/quake/windows", "/api/v1/services/nope"})
    void everyOtherEndpointNeedsAToken(String path) throws Exception {
        assertUnauthorized(get(path, null));
        assertUnauthorized(get(path, "wrong-secret-0123456789"));
        assertUnauthorized(get(path, VIEWER + "x"));
        assertUnauthorized(get(path, VIEWER.substring(1)));
        assertUnauthorized(send(java.net.http.HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + VIEWER), null));
        assertThat(get(path, VIEWER).statusCode()).isEqualTo(path.endsWith("/nope") ? 404 : 200);
    }

    private static void assertUnauthorized(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"netwarden\"");
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("error").asText()).isEqualTo("missing or invalid bearer token");
    }

    @Test
    void servicesListsBothWithReplayFieldNames() throws Exception {
        HttpResponse<String> r = get("/api/v1/services", VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("as_of").decimalValue()).isEqualByComparingTo("1795268314.25");
        JsonNode quake = body.get("services").get(0);
        assertThat(quake.get("id").asText()).isEqualTo("quake");
        assertThat(quake.get("address").asText()).isEqualTo("192.0.2.10");
        assertThat(quake.get("proto").asText()).isEqualTo("udp");
        assertThat(quake.get("port").asInt()).isEqualTo(27960);
        assertThat(quake.get("packets_in").asLong()).isEqualTo(1000);
        assertThat(quake.get("bytes_in").asLong()).isEqualTo(64000);
        assertThat(quake.get("peak_pps").asLong()).isEqualTo(40);
        assertThat(quake.get("players_peak").asInt()).isEqualTo(2);
        assertThat(quake.get("players_now").asInt()).isEqualTo(1);
        assertThat(quake.get("pps").asLong()).isEqualTo(12);
        assertThat(body.get("services").get(1).get("id").asText()).isEqualTo(Snapshots.V6_ID);
    }

    @Test
    void oneServiceByIdIncludingPercentEncodedIpv6Ids() throws Exception {
        HttpResponse<String> one = get("/api/v1/services/quake", VIEWER);
        JsonNode quake = json(one);
        assertThat(quake.get("connect").asText()).as("the game password is redacted").isEqualTo("connect play.example.org:27960");
        assertThat(one.body()).doesNotContain("hunter2");
        assertThat(get("/api/v1/services", VIEWER).body()).doesNotContain("hunter2");
        assertThat(quake.get("last_window").get("start").asLong()).isEqualTo(1_795_268_313L);
        String encoded = URLEncoder.encode(Snapshots.V6_ID, StandardCharsets.UTF_8);
        assertThat(encoded).contains("%3A");
        HttpResponse<String> r = get("/api/v1/services/" + encoded, VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("discovered").asBoolean()).isTrue();
        assertThat(json(get("/api/v1/services/" + Snapshots.V6_ID, VIEWER)).get("port").asInt()).isEqualTo(443);
    }

    @Test
    void playersAreMaskedForAMaskedToken() throws Exception {
        JsonNode body = json(get("/api/v1/services/quake/players", VIEWER));
        assertThat(body.get("service").asText()).isEqualTo("quake");
        JsonNode players = body.get("players");
        assertThat(players).hasSize(2);
        assertThat(players.get(0).get("address").asText()).matches("10\\.201\\.0\\.x#[0-9a-f]{4}");
        assertThat(players.get(1).get("address").asText()).matches("2001:db8:7::x#[0-9a-f]{4}");
        assertThat(body.toString()).doesNotContain("10.201.0.7", "2001:db8:7:1::5");
        assertThat(players.get(0).get("first_seen").decimalValue()).isEqualByComparingTo("1795268310");
        assertThat(players.get(0).get("last_seen").decimalValue()).isEqualByComparingTo("1795268313.898023");
        assertThat(players.get(0).get("packets_in").asLong()).isEqualTo(500);
        assertThat(players.get(0).get("packets_out").asLong()).isEqualTo(450);
        assertThat(players.get(0).get("left").asBoolean()).isFalse();
        assertThat(players.get(1).get("left").asBoolean()).isTrue();
    }

    @Test
    void playersAreFullForAFullAddressToken() throws Exception {
        JsonNode players = json(get("/api/v1/services/quake/players", ADMIN)).get("players");
        assertThat(players.get(0).get("address").asText()).isEqualTo("10.201.0.7");
        assertThat(players.get(1).get("address").asText()).isEqualTo("2001:db8:7:1::5");
        assertThat(json(get("/api/v1/services/" + Snapshots.V6_ID + "/players", ADMIN)).get("players")).isEmpty();
    }

    @Test
    void windowsAreTheRecentBinsWithMaskedTopSources() throws Exception {
        JsonNode windows = json(get("/api/v1/services/quake/windows", VIEWER)).get("windows");
        assertThat(windows).extracting(w -> w.get("start").asLong()).containsExactly(1_795_268_312L, 1_795_268_313L);
        assertThat(windows.get(0).get("top_sources").get(0).get("address").asText()).startsWith("10.201.0.x#");
        assertThat(windows.get(1).get("bps").asLong()).isEqualTo(9600);
        JsonNode full = json(get("/api/v1/services/quake/windows", ADMIN)).get("windows");
        assertThat(full.get(0).get("top_sources").get(1).get("address").asText()).isEqualTo("10.201.0.9");
    }

    @Test
    void unknownServiceIs404Json() throws Exception {
        for (String suffix : new String[] {"", "/players", "/windows"}) {
            HttpResponse<String> r = get("/api/v1/services/nope" + suffix, VIEWER);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(json(r).get("error").asText()).isEqualTo("unknown service: nope");
            assertThat(json(r).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void unknownPathsAre404Json() throws Exception {
        for (String path : new String[] {"/", "/api/v1", "/api/v1/services/", "/api/v2/services", "/metrics/x",
                "/api/v1/services/quake/other"}) {
            HttpResponse<String> r = get(path, VIEWER);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(json(r).get("error").asText()).isEqualTo("no such endpoint");
        }
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/services"))
                .DELETE(), ADMIN);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(json(r).get("status").asInt()).isEqualTo(405);
        assertThat(json(r).get("error").asText()).isEqualTo("method DELETE not allowed");
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String token : new String[] {ADMIN, null}) {
            for (String path : new String[] {"/healthz", "/metrics", "/api/v1/services", "/api/v1/services/quake", "/api/v1/nope"}) {
                HttpResponse<String> get = get(path, token);
                HttpResponse<String> head = send(java.net.http.HttpRequest.newBuilder(uri(path))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()), token);
                assertThat(head.statusCode()).as("HEAD " + path + " token " + token).isEqualTo(get.statusCode());
                assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
                assertThat(head.body()).isEmpty();
            }
        }
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String body = "x".repeat(9000);
        HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/services"))
                .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString(body)), ADMIN);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void beforeTheFirstSnapshotTheListIsEmpty() throws Exception {
        latest.set(null);
        JsonNode body = json(get("/api/v1/services", VIEWER));
        assertThat(body.get("as_of").isNull()).isTrue();
        assertThat(body.get("services")).isEmpty();
    }

    @Test
    void aFailingSnapshotSupplierGives500Json() throws Exception {
        server.close();
        server = new NetwardenHttpServer(loopback(), TOKENS, () -> {
            throw new IllegalStateException("boom");
        }, new io.prometheus.metrics.model.registry.PrometheusRegistry());
        server.start();
        HttpResponse<String> r = get("/api/v1/services", VIEWER);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"error\":\"internal error\",\"status\":500}");
    }
}
