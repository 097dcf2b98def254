package netwarden.app.config;

import java.nio.file.Path;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Where {@code netwarden run} archives each ended attack ({@code <id>.json} and a sample
 * {@code <id>.pcap}, see {@code IncidentArchive}).
 *
 * @param dir   created at start when missing
 * @param queue incidents waiting to be written; when full, more are dropped and counted, never waited for
 */
public record IncidentSettings(Path dir, int queue) {
    public static final int DEFAULT_QUEUE = 256;

    public IncidentSettings {
        Objects.requireNonNull(dir, "incidents.dir");
        if (dir.toString().isBlank()) throw new SettingException("incidents.dir", null, "incidents.dir must not be empty");
        if (queue < 1 || queue > 65_536) throw new SettingException("incidents.queue", queue, "incidents.queue must be 1..65536: " + queue);
    }

    /** {@code <state dir>/incidents} with the default queue. */
    public static IncidentSettings defaults(StateSettings state) {
        return new IncidentSettings(state.dir().resolve("incidents"), DEFAULT_QUEUE);
    }
}
