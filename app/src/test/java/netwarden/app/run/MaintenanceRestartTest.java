package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.state.MaintenanceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maintenance windows set through the API outlive a restart: a window set for a planned restart must still hold after it. */
class MaintenanceRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "maintenance-restart-token-0123456789";
    private static final String PATH = "/api/v1/notify/maintenance";

    @TempDir
    Path dir;

    private NetwardenConfig config() {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                api: {tokens: [{name: test, token: %s}]}
                """.formatted(dir.resolve("state"), TOKEN));
    }

    /** Starts a runtime without packets, lets {@code during} use its port, then shuts it down. */
    private void withRuntime(ApiCalls during) throws Exception {
        try (LiveRuntime runtime = new LiveRuntime(config(), new RunStateTest.NoPackets())) {
            runtime.start();
            during.call(runtime.port());
        }
    }

    private static JsonNode windows(int port) throws Exception {
        Http.Answer a = Http.get(port, PATH, TOKEN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return JSON.readTree(a.body()).get("windows");
    }

    @Test
    void windowsSetThroughTheApiAreThereAfterARestartAndRemovalsToo() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String window = start + "/" + start.plus(Duration.ofHours(2));
        long[] ids = new long[2];
        withRuntime(port -> {
            Http.Answer a = Http.post(port, PATH, TOKEN, "{\"route\": \"pager\", \"window\": \"" + window + "\", \"reason\": \"planned restart\"}");
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            ids[0] = JSON.readTree(a.body()).get("id").asLong();
            Http.Answer b = Http.post(port, PATH, TOKEN, "{\"minutes\": 30}");
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            ids[1] = JSON.readTree(b.body()).get("id").asLong();
        });
        assertThat(dir.resolve("state").resolve(MaintenanceFile.NAME)).isRegularFile();

        withRuntime(port -> {
            JsonNode listed = windows(port);
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).get("id").asLong()).isEqualTo(ids[0]);
            assertThat(listed.get(0).get("route").asText()).isEqualTo("pager");
            assertThat(listed.get(0).get("window").asText()).isEqualTo(window);
            assertThat(listed.get(0).get("reason").asText()).isEqualTo("planned restart");
            assertThat(listed.get(1).get("id").asLong()).isEqualTo(ids[1]);
            assertThat(listed.get(1).get("route").isNull()).as("every route").isTrue();
            // A new window after the restart does not reuse a restored id.
            Http.Answer c = Http.post(port, PATH, TOKEN, "{\"minutes\": 5}");
            assertThat(JSON.readTree(c.body()).get("id").asLong()).isGreaterThan(Math.max(ids[0], ids[1]));
            assertThat(Http.delete(port, PATH + "/" + ids[0], TOKEN).status()).isEqualTo(200);
        });

        withRuntime(port -> assertThat(windows(port)).extracting(w -> w.get("id").asLong()).doesNotContain(ids[0]).hasSize(2));
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheWindowsStartEmpty() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve(MaintenanceFile.NAME), "{\"version\":1,\"windows\":[{\"id\":1,\"window\":\"tomorrow");
        withRuntime(port -> {
            assertThat(windows(port)).isEmpty();
            assertThat(Http.post(port, PATH, TOKEN, "{\"minutes\": 10}").status()).isEqualTo(201);
        });
        assertThat(state.resolve(MaintenanceFile.NAME + ".corrupt")).content().startsWith("{\"version\":1");
        withRuntime(port -> assertThat(windows(port)).hasSize(1));
    }

    @Test
    void aFileOverTheSizeLimitIsNotReadButMovedAside() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createSymbolicLink(state.resolve(MaintenanceFile.NAME), Path.of("/dev/zero"));
        withRuntime(port -> assertThat(windows(port)).isEmpty());
        assertThat(Files.readSymbolicLink(state.resolve(MaintenanceFile.NAME + ".corrupt"))).isEqualTo(Path.of("/dev/zero"));
    }

    @FunctionalInterface
    private interface ApiCalls {
        void call(int port) throws Exception;
    }
}
