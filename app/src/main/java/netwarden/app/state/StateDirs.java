package netwarden.app.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netwarden.app.UsageException;
import netwarden.app.config.StateSettings;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the state directory and the incidents directory ready at start. What lies inside
 * {@code state.dir} is netwarden's own: a file where a directory should be (the incidents
 * directory, the returning-player store) is moved aside with a WARN and the start goes on, so a
 * damaged state never becomes a crash loop under {@code Restart=on-failure}. A {@code state.dir}
 * that is itself a file, or an incidents directory elsewhere that is a file, is the operator's
 * path: that is refused (exit 2) saying what to change.
 */
public final class StateDirs {
    private static final Logger LOG = LoggerFactory.getLogger(StateDirs.class);

    private StateDirs() {}

    /**
     * @throws UsageException when {@code state.dir}, or an incidents directory outside it, exists and is not a directory
     * @throws IOException    when a directory cannot be created (permissions, read-only file system)
     */
    public static void prepare(StateSettings state, Path incidents) throws IOException {
        Path dir = state.dir();
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UsageException("state.dir " + dir + " is not a directory: move that file away, or set state.dir "
                    + "(or STATE_DIRECTORY) to a directory netwarden may create");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the state directory " + dir + ": " + e, e);
        }
        if (inside(incidents, dir)) {
            String moved = StateFiles.directory(incidents);
            if (moved != null) LOG.warn("incidents directory {} was not a directory; {}; archiving afresh", incidents, moved);
        } else if (Files.exists(incidents) && !Files.isDirectory(incidents)) {
            throw new UsageException("incidents.dir " + incidents + " is not a directory: move that file away, or set incidents.dir to a directory");
        }
    }

    private static boolean inside(Path path, Path dir) {
        Path p = path.toAbsolutePath().normalize(), d = dir.toAbsolutePath().normalize();
        return p.startsWith(d) && !p.equals(d);
    }
}
