package netwarden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileUpToItsLimitAndNoFurther() throws IOException {
        Path f = Files.write(dir.resolve("s"), new byte[] {1, 2, 3});
        assertThat(StateFiles.read(f, 3)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> StateFiles.read(f, 2)).isInstanceOf(StateFiles.DamagedException.class)
                .hasMessage(f + ": larger than the limit of 2 bytes");
        assertThatThrownBy(() -> StateFiles.read(dir.resolve("absent"), 2)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void replaceCreatesTheDirectoryAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub/m.json");
        StateFiles.replace(f, new byte[] {1});
        StateFiles.replace(f, new byte[] {2, 3});
        assertThat(f).hasBinaryContent(new byte[] {2, 3});
        try (var listed = Files.list(f.getParent())) {
            assertThat(listed).containsExactly(f);
        }
    }

    @Test
    void aLinkToDevZeroOrADirectoryIsDamagedNotReadForever() throws IOException {
        Path zero = Files.createSymbolicLink(dir.resolve("baselines.json"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> StateFiles.read(zero, 1 << 20)).isInstanceOf(StateFiles.DamagedException.class)
                .hasMessageContaining("not a regular file");
        Path d = Files.createDirectories(dir.resolve("salt"));
        assertThatThrownBy(() -> StateFiles.read(d, 10)).isInstanceOf(StateFiles.DamagedException.class);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> StateFiles.read(dangling, 10)).isInstanceOf(StateFiles.DamagedException.class);
    }

    @Test
    void movesAsideFilesLinksAndDirectoriesKeepingTheirContent() throws IOException {
        Path f = Files.writeString(dir.resolve("a.json"), "old");
        assertThat(StateFiles.moveAside(f)).isEqualTo("moved aside to " + dir.resolve("a.json.corrupt"));
        Files.writeString(f, "newer");
        StateFiles.moveAside(f);
        assertThat(dir.resolve("a.json.corrupt")).hasContent("newer");
        assertThat(f).doesNotExist();

        Path link = Files.createSymbolicLink(dir.resolve("z"), Path.of("/dev/zero"));
        StateFiles.moveAside(link);
        assertThat(Files.readSymbolicLink(dir.resolve("z.corrupt"))).isEqualTo(Path.of("/dev/zero"));

        Path d = Files.createDirectories(dir.resolve("d"));
        Files.writeString(d.resolve("x"), "x");
        Files.createDirectories(dir.resolve("d.corrupt/full"));
        assertThat(StateFiles.moveAside(d)).startsWith("moved aside to " + dir.resolve("d.corrupt-"));
        assertThat(d).doesNotExist();
    }

    @Test
    void directoryCreatesOrClearsTheWay() throws IOException {
        Path d = dir.resolve("a/b");
        assertThat(StateFiles.directory(d)).isNull();
        assertThat(d).isDirectory();
        assertThat(StateFiles.directory(d)).isNull();
        Path f = Files.writeString(dir.resolve("incidents"), "x");
        assertThat(StateFiles.directory(f)).isEqualTo("moved aside to " + dir.resolve("incidents.corrupt"));
        assertThat(f).isDirectory();
        assertThat(dir.resolve("incidents.corrupt")).hasContent("x");
    }
}
