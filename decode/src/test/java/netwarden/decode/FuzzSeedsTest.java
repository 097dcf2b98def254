package netwarden.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed Jazzer seed files are exactly what {@link FuzzSeeds} builds (rerun its main after changing it). */
class FuzzSeedsTest {
    @Test
    void seedFilesAreCurrent() throws Exception {
        check("captureReader", FuzzSeeds.captures());
        check("packetDecoder", FuzzSeeds.frames());
    }

    private static void check(String method, Map<String, byte[]> seeds) throws Exception {
        var dir = FuzzSeeds.INPUTS.resolve(method);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(seeds.keySet());
        }
        for (var e : seeds.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
