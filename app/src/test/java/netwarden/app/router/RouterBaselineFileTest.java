package netwarden.app.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.engine.router.DeviceBaseline;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterBaselineFileTest {
    @TempDir
    Path dir;

    @Test
    void savedBaselinesLoadAsTheyWereAndADamagedFileIsMovedAside() throws Exception {
        Path path = dir.resolve("router/baselines.json");
        var file = new RouterBaselineFile(path);
        assertThat(file.load()).isEmpty();
        var b = new DeviceBaseline(Instant.ofEpochSecond(1_800_000_000L), Map.of(Ip.parse("203.0.113.10"), Instant.ofEpochSecond(1_800_000_060L)),
                Set.of(13335L), Set.of(6, 17), Map.of(443, 12L), 12, List.of(100L, 0L, 300L), List.of(1L, 0L, 2L));
        file.save(Map.of(Ip.parse("192.168.1.20"), b));
        assertThat(file.load()).containsExactly(Map.entry(Ip.parse("192.168.1.20"), b));
        Files.writeString(path, "{\"version\":1,\"devices\":{\"192.168.1.20\":{\"first_seen\":\"x\"}}}");
        assertThat(file.load()).isEmpty();
        assertThat(dir.resolve("router/baselines.json.corrupt")).exists();
        assertThat(path).doesNotExist();
    }
}
