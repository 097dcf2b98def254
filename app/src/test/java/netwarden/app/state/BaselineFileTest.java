package netwarden.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netwarden.engine.detect.BaselineState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineFileTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsTheSameValuesCreatingTheDirectory() throws IOException {
        var saved = Map.of("service:arena:pps", new BaselineState(412.5, 37.25, 86_400),
                "host:10.0.0.1:syn", new BaselineState(0, 0, 3));
        BaselineFile file = new BaselineFile(dir.resolve("a/b/baselines.json"));
        file.save(saved);
        assertThat(file.load()).isEqualTo(saved);
        assertThat(dir.resolve("a/b/baselines.json.tmp")).doesNotExist();
        file.save(Map.of());
        assertThat(file.load()).isEmpty();
    }

    @Test
    void anAbsentFileIsAColdStart() {
        assertThat(new BaselineFile(dir.resolve("none.json")).load()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"version\":2,\"baselines\":{}}", "{\"baselines\":{}}", "{\"version\":1}",
        "{\"version\":1,\"baselines\":{\"k\":{\"mean\":-1,\"deviation\":0,\"samples\":1}}}",
        "{\"version\":1,\"baselines\":{\"k\":{\"mean\":1,\"samples\":1}}}",
        "{\"version\":1,\"baselines\":{\"k\":{\"mean\":\"1\",\"deviation\":0,\"samples\":1}}}",
        "{\"version\":1,\"baselines\":{\"k\":{\"mean\":1,\"deviation\":0,\"samples\":1}}", "\u0000\u0001binary"})
    void aCorruptFileIsAColdStartAndIsMovedAside(String content) throws IOException {
        Path path = Files.writeString(dir.resolve("baselines.json"), content);
        assertThat(new BaselineFile(path).load()).isEmpty();
        assertThat(path).doesNotExist();
        assertThat(dir.resolve("baselines.json.corrupt")).hasContent(content);
    }
}
