package netwarden.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import netwarden.sources.docker.DockerWire;
import netwarden.sources.gamelog.GameLogWire;
import netwarden.sources.query.QueryWire;

/**
 * Fuzz targets for what game servers, the Docker daemon and game logs send us. In a normal test run
 * Jazzer replays the seeds in {@code src/test/resources/netwarden/sources/GameInputFuzzTestInputs/<method>/};
 * with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. Property: only each decoder's own
 * exception type escapes (the {@code *Wire} helpers rethrow anything else as an AssertionError).
 */
class GameInputFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void quake3(byte[] data) {
        QueryWire.quake3(data);
    }

    @FuzzTest(maxDuration = "30s")
    void a2s(byte[] data) {
        QueryWire.a2s(data);
    }

    @FuzzTest(maxDuration = "30s")
    void minecraft(byte[] data) {
        QueryWire.minecraft(data);
    }

    @FuzzTest(maxDuration = "30s")
    void dockerHttp(byte[] data) {
        DockerWire.http(data);
    }

    @FuzzTest(maxDuration = "30s")
    void playersLog(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
        assertThat(GameLogWire.csv(line)).isIn(true, false);
    }
}
