package netwarden.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    @Test
    void aLinkToDevZeroIsNotReadButMovedAside() throws IOException {
        // Read whole, this once grew the process to 5 GB.
        Path link = Files.createSymbolicLink(dir.resolve("baselines.json"), Path.of("/dev/zero"));
        assertThat(new BaselineFile(link).load()).isEmpty();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readSymbolicLink(dir.resolve("baselines.json.corrupt"))).isEqualTo(Path.of("/dev/zero"));
    }

    @Test
    void aFileOverTheLimitIsNotReadButMovedAside() throws IOException {
        Path big = dir.resolve("baselines.json");
        try (var ch = java.nio.channels.FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), BaselineFile.MAX_BYTES); // sparse: one byte over
        }
        assertThat(new BaselineFile(big).load()).isEmpty();
        assertThat(big).doesNotExist();
        assertThat(dir.resolve("baselines.json.corrupt")).hasSize(BaselineFile.MAX_BYTES + 1L);
        Path dirInstead = Files.createDirectories(dir.resolve("other/baselines.json"));
        assertThat(new BaselineFile(dirInstead).load()).isEmpty();
        assertThat(dir.resolve("other/baselines.json.corrupt")).isDirectory();
    }
}
