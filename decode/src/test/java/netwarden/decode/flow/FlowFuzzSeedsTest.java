package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed Jazzer seed files are exactly what {@link FlowFuzzSeeds} builds (rerun its main after changing it). */
class FlowFuzzSeedsTest {
    @Test
    void seedFilesAreCurrent() throws Exception {
        for (var method : FlowFuzzSeeds.seeds().entrySet()) {
            var dir = FlowFuzzSeeds.INPUTS.resolve(method.getKey());
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(method.getValue().keySet());
            }
            for (var e : method.getValue().entrySet()) {
                assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}
