package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.SynFlood;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's API through {@code run}: player sessions and search from a replayed game, incidents listed from the
 * store, acknowledged with a note (a read-only token gets 403), and all of it still served after a restart on the
 * same state dir.
 */
class RunStoreApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-token-0123456789abcdef", VIEWER = "viewer-token-0123456789abcdef";
    private static final String FROM = Long.toString(GameCapture.START / 1_000_000_000L - 60);

    @TempDir
    Path dir;

    private NetwardenConfig config(boolean gameService) {
        String services = gameService ? "services: [{name: arena, address: 10.0.0.1, port: 27960}]" : "";
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                api:
                  tokens:
                    - {name: admin, token: %s, full-addresses: true}
                    - {name: viewer, token: %s, read-only: true}
                store:
                  retention: {events: 36500d, sessions: 36500d, incidents: 36500d, rollup-1m: 36500d, source-minutes: 36500d}
                %s
                """.formatted(dir.resolve("state"), ADMIN, VIEWER, services));
    }

    private LiveRuntime replay(Path pcap, boolean gameService) throws Exception {
        LiveRuntime runtime = new LiveRuntime(config(gameService), new FileFeed(pcap, ReplaySpeed.MAX));
        runtime.start();
        assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
        return runtime;
    }

    @Test
    void sessionsSearchIncidentsAndAcknowledgementsSurviveARestart() throws Exception {
        Path game = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        try (LiveRuntime runtime = replay(game, true)) {
            int port = runtime.port();
            Http.Answer all = Http.await(port, "/api/v1/players/sessions?service=arena&from=" + FROM, ADMIN, Duration.ofSeconds(20),
                    a -> a.status() == 200 && sessions(a).size() == 2);
            assertThat(sessions(all)).extracting(s -> s.get("address").asText()).containsExactlyInAnyOrder(GameCapture.ALICE, GameCapture.BOB);
            JsonNode bob = sessions(Http.get(port, "/api/v1/players/sessions?q=" + GameCapture.BOB + "&from=" + FROM, ADMIN)).get(0);
            assertThat(bob.get("packets_in").asLong()).as("Bob's 15 s at 25 packets/s").isBetween(300L, 400L);
            JsonNode alice = sessions(Http.await(port, "/api/v1/players/sessions?q=" + GameCapture.ALICE, ADMIN, Duration.ofSeconds(20),
                    a -> a.body().contains("\"online\":true") && sessionPackets(a) > 900)).get(0);
            assertThat(alice.get("packets_in").asLong()).as("Alice, online to the end: her 40 s, not her join").isBetween(900L, 1_000L);
            assertThat(sessions(Http.get(port, "/api/v1/players/sessions?q=10.0.0.0/24", ADMIN))).hasSize(2);
            assertThat(sessions(Http.get(port, "/api/v1/players/sessions?q=10.9.0.0/16", ADMIN))).isEmpty();
            JsonNode masked = sessions(Http.get(port, "/api/v1/players/sessions?q=" + GameCapture.ALICE, VIEWER)).get(0);
            assertThat(masked.get("address").asText()).as("masked for a token without full addresses").startsWith("10.0.0.x#");
            assertThat(Http.get(port, "/api/v1/players/sessions?from=soon", ADMIN).status()).isEqualTo(400);
            assertThat(Http.get(port, "/api/v1/players/sessions?q=27960", ADMIN).body()).contains("a port finds services");

            JsonNode found = JSON.readTree(Http.get(port, "/api/v1/search?q=" + GameCapture.ALICE + "&from=" + FROM, ADMIN).body());
            assertThat(found.get("kind").asText()).isEqualTo("address");
            assertThat(found.get("sessions")).hasSize(1);
            JsonNode byService = JSON.readTree(Http.await(port, "/api/v1/search?q=service:arena", ADMIN, Duration.ofSeconds(20),
                    a -> a.body().contains("\"sources\":[{")).body());
            assertThat(byService.get("kind").asText()).isEqualTo("service");
            assertThat(byService.get("sources")).extracting(s -> s.get("address").asText()).contains(GameCapture.ALICE);
            assertThat(JSON.readTree(Http.get(port, "/api/v1/search?q=AS13335", ADMIN).body()).get("kind").asText()).isEqualTo("asn");
            assertThat(Http.get(port, "/api/v1/search", ADMIN).status()).isEqualTo(400);
            assertThat(Http.get(port, "/api/v1/search?q=x", null).status()).isEqualTo(401);
        }

        Path flood = Files.write(dir.resolve("flood.pcap"), new SynFlood(5000, 25).bytes);
        String id;
        try (LiveRuntime runtime = replay(flood, false)) {
            int port = runtime.port();
            Http.Answer list = Http.await(port, "/api/v1/incidents?state=ended", VIEWER, Duration.ofSeconds(20),
                    a -> a.status() == 200 && incidents(a).size() == 1);
            JsonNode incident = incidents(list).get(0);
            id = incident.get("id").asText();
            assertThat(incident.get("kind").asText()).isEqualTo("tcp_syn_flood");
            assertThat(incident.get("acknowledged").isNull()).isTrue();
            assertThat(incidents(Http.get(port, "/api/v1/incidents?state=active", VIEWER))).isEmpty();
            assertThat(incidents(Http.get(port, "/api/v1/incidents?kind=udp_flood", VIEWER))).isEmpty();
            assertThat(Http.get(port, "/api/v1/incidents?state=asleep", VIEWER).status()).isEqualTo(400);

            String ack = "/api/v1/incidents/" + id.replace(":", "%3A") + "/ack";
            Http.Answer refused = Http.post(port, ack, VIEWER, "{\"note\":\"mine\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("read-only");
            assertThat(Http.post(port, ack, ADMIN, "{\"note\": 5}").status()).isEqualTo(400);
            assertThat(Http.post(port, "/api/v1/incidents/nope/ack", ADMIN, "{}").status()).isEqualTo(404);
            Http.Answer done = Http.post(port, ack, ADMIN, "{\"note\":\"blocked the /15 upstream\"}");
            assertThat(done.status()).isEqualTo(200);
            JsonNode acked = JSON.readTree(done.body());
            assertThat(acked.get("acknowledged_by").asText()).isEqualTo("admin");
            assertThat(acked.get("notes")).extracting(n -> n.get("note").asText()).containsExactly("blocked the /15 upstream");
            assertThat(Http.post(port, ack, ADMIN, "{\"note\":\"closed with the ISP\"}").status()).isEqualTo(200);
            assertThat(incidents(Http.get(port, "/api/v1/incidents?state=unacknowledged", VIEWER))).isEmpty();
        }

        // Restart on the same state dir: no packets, everything above still served from the store (the capture's
        // rows are years old: a live run applies retention by the wall clock, so the config keeps them).
        try (LiveRuntime runtime = new LiveRuntime(config(true), new RunStateTest.NoPackets())) {
            runtime.start();
            int port = runtime.port();
            JsonNode incident = incidents(Http.get(port, "/api/v1/incidents", VIEWER)).get(0);
            assertThat(incident.get("id").asText()).isEqualTo(id);
            assertThat(incident.get("acknowledged_by").asText()).isEqualTo("admin");
            JsonNode detail = JSON.readTree(Http.get(port, "/api/v1/incidents/" + id.replace(":", "%3A"), VIEWER).body());
            assertThat(detail.get("notes")).extracting(n -> n.get("author").asText() + ": " + n.get("note").asText())
                    .containsExactly("admin: blocked the /15 upstream", "admin: closed with the ISP");
            assertThat(sessions(Http.get(port, "/api/v1/players/sessions?service=arena", ADMIN))).hasSize(2);
            JsonNode history = JSON.readTree(Http.get(port, "/api/v1/services/arena/history?from=" + FROM + "&to="
                    + (GameCapture.START / 1_000_000_000L + 600), ADMIN).body());
            long packets = 0;
            for (JsonNode p : history.get("points")) packets += p.get("packets").asLong();
            assertThat(packets).as("the game's minute rollups").isPositive();
        }
    }

    private static long sessionPackets(Http.Answer a) {
        return a.status() == 200 && !sessions(a).isEmpty() ? sessions(a).get(0).get("packets_in").asLong() : 0;
    }

    private static JsonNode sessions(Http.Answer a) {
        return field(a, "sessions");
    }

    private static JsonNode incidents(Http.Answer a) {
        return field(a, "incidents");
    }

    private static JsonNode field(Http.Answer a, String name) {
        try {
            JsonNode n = JSON.readTree(a.body()).get(name);
            if (n == null) throw new AssertionError("no " + name + " in " + a.status() + " " + a.body());
            return n;
        } catch (java.io.IOException e) {
            throw new AssertionError(a.body(), e);
        }
    }
}
