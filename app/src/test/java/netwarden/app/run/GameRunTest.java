package netwarden.app.run;

import netwarden.testkit.OpenArena;
import netwarden.testkit.DockerStandIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.model.Clock;
import netwarden.model.ingest.IngestPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Game servers in {@code run}: Docker containers as runtime services, and the real OpenArena server's query in the API. */
class GameRunTest {
    static final String TOKEN = "game-run-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        OpenArena.stop(server);
    }

    private NetwardenConfig config(String extra) {
        return config(dir, extra);
    }

    /** A run config with the API on a free loopback port, state in {@code dir}, enrichment off, plus {@code extra}. */
    static NetwardenConfig config(Path dir, String extra) {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString(), "NETWARDEN_API_TOKEN", TOKEN)).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                enrich: {enabled: false}
                """.formatted(dir.resolve("state")) + extra);
    }

    /** A live source without traffic: seconds close as the clock passes, so runtime service changes apply. */
    static PacketFeed ticking() {
        return new PacketFeed() {
            @Override
            public void run(IngestPort port, BooleanSupplier stop) throws InterruptedException {
                while (!stop.getAsBoolean()) {
                    port.advanceTo(Clock.SYSTEM.nanos());
                    Thread.sleep(20);
                }
            }

            @Override
            public String describe() {
                return "ticking";
            }
        };
    }

    @Test
    void dockerContainersComeAndGoAsServicesAndStaticEntriesWin() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (DockerStandIn docker = new DockerStandIn(socket)) {
            docker.up();
            docker.start(new DockerStandIn.Box("a".repeat(64), "pinned", "pinned", Map.of(), List.of("GAME_PORT=27960"), Map.of()));
            NetwardenConfig c = config("""
                    services:
                      - name: arena
                        address: 192.0.2.10
                        port: 27960
                    discovery:
                      docker:
                        address: 192.0.2.10
                        socket: "%s"
                    """.formatted(socket));
            try (LiveRuntime runtime = new LiveRuntime(c, ticking())) {
                runtime.start();
                int port = runtime.port();
                docker.start(new DockerStandIn.Box("b".repeat(64), "halo-ce", "halo-ce", Map.of(), List.of("GAME_PORT=2302"), Map.of()));
                Http.Answer up = Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(5), a -> a.body().contains("\"halo-ce\""));
                JsonNode services = JSON.readTree(up.body()).get("services");
                assertThat(services.findValuesAsText("id")).containsExactlyInAnyOrder("arena", "halo-ce");
                JsonNode halo = find(services, "halo-ce");
                assertThat(halo.get("port").asInt()).isEqualTo(2302);
                assertThat(halo.get("address").asText()).isEqualTo("192.0.2.10");

                Http.Answer flowLens = Http.get(port, "/metrics/servers/halo-ce", TOKEN);
                assertThat(flowLens.status()).isEqualTo(200);
                assertThat(JSON.readTree(flowLens.body()).get("server_id").asText()).isEqualTo("halo-ce");
                assertThat(Http.get(port, "/metrics/servers", null).status()).isEqualTo(401);
                assertThat(Http.get(port, "/metrics", TOKEN).body()).as("the pinned container shares arena's key: the static entry wins")
                        .contains("netwarden_docker_skipped_total{reason=\"static\"} 1.0").contains("netwarden_docker_services 2.0")
                        .contains("netwarden_docker_connected 1.0").contains("netwarden_docker_reconnects_total 0.0");

                docker.stop("b".repeat(64));
                Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(5), a -> !a.body().contains("\"halo-ce\""));
                assertThat(JSON.readTree(Http.get(port, "/api/v1/services", TOKEN).body()).get("services").findValuesAsText("id"))
                        .containsExactly("arena");
                assertThat(Http.get(port, "/metrics", TOKEN).body()).as("the stop came as events, not from a re-list")
                        .contains("netwarden_docker_events_total{action=\"die\"} 1.0", "netwarden_docker_events_total{action=\"stop\"} 1.0");
            }
        }
    }

    @Test
    void aMissingDockerSocketIsOneLogLineAndTheOtherSourcesGoOn() throws Exception {
        Path log = dir.resolve("players.log");
        NetwardenConfig c = config("""
                services: [{name: arena, address: 192.0.2.10, port: 27960}]
                discovery: {docker: {address: 192.0.2.10, socket: "%s"}}
                sources: {gamelog: {path: "%s", service: arena, poll-interval: 100ms}}
                """.formatted(dir.resolve("no-docker.sock"), log));
        java.io.PrintStream err = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8)); // slf4j-simple writes to System.err
        try (LiveRuntime runtime = new LiveRuntime(c, ticking())) {
            runtime.start();
            int port = runtime.port();
            java.nio.file.Files.writeString(log, GameSourcesTest.row("join", "alice", "203.0.113.4:27005", "h"));
            String metrics = Http.await(port, "/metrics", TOKEN, Duration.ofSeconds(5),
                    a -> a.body().contains("netwarden_gamelog_events_total{action=\"join\"} 1.0")
                            && !a.body().contains("netwarden_docker_connect_failures_total 0.0")
                            && !a.body().contains("netwarden_docker_connect_failures_total 1.0")).body(); // retried at least once
            assertThat(metrics).contains("netwarden_docker_connected 0.0", "netwarden_gamelog_lines_total 1.0",
                    "netwarden_gamelog_skipped_total{reason=\"bad\"} 0.0");
            assertThat(Http.get(port, "/healthz", null).status()).isEqualTo(200);
            Http.Answer services = Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(5), a -> a.body().contains("\"arena\""));
            assertThat(JSON.readTree(services.body()).get("services").findValuesAsText("id")).containsExactly("arena");
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        err.print(out);
        assertThat(out.lines().filter(l -> l.contains("docker")).toList()).as("one line however often it retried")
                .singleElement().asString().contains("WARN").contains("no-docker.sock").contains("other sources are not affected");
    }

    @Test
    void theRealOpenArenaServersBotsShowInTheQueryBlockAndMetrics() throws Exception {
        assumeTrue(OpenArena.installed(), "openarena-server is not installed (Debian package openarena-server)");
        int gamePort = OpenArena.freeUdpPort();
        server = OpenArena.start(dir, gamePort, "netwarden run", 2);
        List<String> raw = List.of();
        for (int i = 0; i < 120 && raw.size() < 2; i++) { // bounded: the server adds bots one by one
            assertThat(server.isAlive()).as("server exited early").isTrue();
            raw = OpenArena.playerNames(gamePort);
            if (raw.size() < 2) Thread.sleep(500);
        }
        assertThat(raw).hasSize(2);
        NetwardenConfig c = config("""
                services:
                  - name: oa
                    address: 127.0.0.1
                    port: %d
                    query: quake3
                    query-interval: 1s
                    query-timeout: 500ms
                """.formatted(gamePort));
        try (LiveRuntime runtime = new LiveRuntime(c, ticking())) {
            runtime.start();
            int port = runtime.port();
            Http.Answer a = Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(10), x -> x.body().contains("\"up\":true"));
            JsonNode q = find(JSON.readTree(a.body()).get("services"), "oa").get("query");
            assertThat(q.get("players").asInt()).isEqualTo(2);
            assertThat(q.get("max_players").asInt()).isEqualTo(8);
            assertThat(q.get("map").asText()).isEqualTo("oa_dm1");
            assertThat(q.get("name").asText()).isEqualTo("netwarden run");
            assertThat(q.get("rtt_ms").asDouble()).isPositive();
            var names = new TreeSet<String>();
            q.get("player_names").forEach(n -> names.add(n.asText()));
            assertThat(names).isEqualTo(new TreeSet<>(raw));
            assertThat(find(JSON.readTree(a.body()).get("services"), "oa").get("players_note").asText()).contains("more players");
            String metrics = Http.get(port, "/metrics", TOKEN).body();
            assertThat(metrics).contains("netwarden_service_query_players{protocol=\"quake3\",service=\"oa\"} 2.0")
                    .contains("netwarden_service_query_up{protocol=\"quake3\",service=\"oa\"} 1.0")
                    .contains("netwarden_service_query_rtt_seconds{protocol=\"quake3\",service=\"oa\"}");

            OpenArena.stop(server);
            Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(5), x -> x.body().contains("\"up\":false"));
            assertThat(Http.get(port, "/metrics", TOKEN).body()).contains("netwarden_service_query_up{protocol=\"quake3\",service=\"oa\"} 0.0");
        }
    }

    static JsonNode find(JsonNode services, String id) {
        for (JsonNode s : services) if (s.get("id").asText().equals(id)) return s;
        throw new AssertionError("no service " + id + " in " + services);
    }
}
