package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import netwarden.app.CliContext;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.Main;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --pcap FILE --speed max} end to end, in-process: config, engine, metrics, API, shutdown. */
class LiveRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-secret-0123456789";
    private static final String VIEWER = "viewer-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void servesTheConfiguredServiceItsPlayersAndMetricsThenStops() throws Exception {
        GameCapture game = new GameCapture();
        Path pcap = Files.write(dir.resolve("game.pcap"), game.bytes);
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                http:
                  listen: 127.0.0.1:9420
                api:
                  tokens:
                    - name: admin
                      token: %s
                      full-addresses: true
                services:
                  - name: arena
                    address: 10.0.0.1
                    port: 27960
                source:
                  speed: realtime
                """.formatted(ADMIN));
        NetwardenConfig effective = parseRun(Map.of("NETWARDEN_API_TOKEN", VIEWER, "XDG_STATE_HOME", dir.toString()),
                "run", "--config", config.toString(), "--pcap", pcap.toString(), "--speed", "max", "--listen", "127.0.0.1:0");
        assertThat(effective.source().speed()).isEqualTo(ReplaySpeed.MAX);
        assertThat(effective.source().pcap()).isEqualTo(pcap);
        assertThat(effective.http().listen().port()).isZero();
        assertThat(effective.state().dir()).isEqualTo(dir.resolve("netwarden"));

        LiveRuntime runtime = new LiveRuntime(effective, new FileFeed(pcap, ReplaySpeed.MAX));
        int port;
        try {
            runtime.start();
            port = runtime.port();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            assertThat(runtime.feedFailure()).isNull();

            Http.Answer services = Http.await(port, "/api/v1/services", ADMIN, Duration.ofSeconds(10),
                    a -> a.status() == 200 && a.body().contains("\"players_peak\":2"));
            JsonNode arena = JSON.readTree(services.body()).get("services").get(0);
            assertThat(arena.get("id").asText()).isEqualTo("arena");
            assertThat(arena.get("packets_in").asLong()).isEqualTo(game.rows.get("udp/27960")[0]);
            assertThat(arena.get("players_now").asInt()).isEqualTo(1);

            JsonNode players = JSON.readTree(Http.get(port, "/api/v1/services/arena/players", ADMIN).body()).get("players");
            assertThat(addresses(players)).containsExactly(GameCapture.ALICE, GameCapture.BOB);
            JsonNode masked = JSON.readTree(Http.get(port, "/api/v1/services/arena/players", VIEWER).body()).get("players");
            assertThat(addresses(masked)).hasSize(2).allMatch(a -> a.startsWith("10.0.0.x"));

            assertThat(Http.get(port, "/api/v1/services", null).status()).isEqualTo(401);
            assertThat(Http.get(port, "/api/v1/services", "wrong-token-0123456789").status()).isEqualTo(401);
            assertThat(Http.get(port, "/metrics", null).status()).isEqualTo(401);
            assertThat(Http.get(port, "/healthz", null).status()).isEqualTo(200);

            Http.Answer metrics = Http.get(port, "/metrics", VIEWER);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("netwarden_service_packets_total\\{[^}]*service=\"arena\"[^}]*} "
                    + game.rows.get("udp/27960")[0] + "(\\.0)?\\n");
            assertThat(metrics.body()).contains("netwarden_sink_dropped_total{sink=\"event_log\"} 0")
                    .contains("netwarden_incident_archive_written_total 0").contains("netwarden_sink_dropped_total{sink=\"incident_archive\"} 0")
                    .contains("netwarden_sink_queue_depth{sink=\"notify\"} 0");
            promtoolAccepts(metrics.body());
        } finally {
            runtime.close();
        }
        runtime.close(); // idempotent
        int closedPort = port;
        assertThatThrownBy(() -> Http.get(closedPort, "/healthz", null)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortFailsAtStart() throws Exception {
        GameCapture game = new GameCapture();
        Path pcap = Files.write(dir.resolve("game.pcap"), game.bytes);
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()); // no GeoIP data to load
        NetwardenConfig first = parseRun(env, "run", "--pcap", pcap.toString(), "--listen", "127.0.0.1:0");
        try (LiveRuntime a = new LiveRuntime(first, new FileFeed(pcap, ReplaySpeed.MAX))) {
            a.start();
            NetwardenConfig second = parseRun(env, "run", "--pcap", pcap.toString(), "--listen", "127.0.0.1:" + a.port());
            try (LiveRuntime b = new LiveRuntime(second, new FileFeed(pcap, ReplaySpeed.MAX))) {
                assertThatThrownBy(b::start).isInstanceOf(IOException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + a.port());
            }
        }
    }

    static NetwardenConfig parseRun(Map<String, String> env, String... args) {
        CommandLine cl = Main.commandLine(new CliContext(env));
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        return run.effectiveConfig();
    }

    private static Set<String> addresses(JsonNode players) {
        Set<String> s = new TreeSet<>();
        players.forEach(p -> s.add(p.get("address").asText()));
        return s;
    }

    /** Lints the exposition with Prometheus' own tool when it is installed (Debian package prometheus). */
    private void promtoolAccepts(String exposition) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) return; // sinks' tests also lint; here it is a bonus check
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
