package netwarden.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code netwarden run} reads packets from. For now the only source is a capture file replayed
 * through the live pipeline; {@code pcap} is null when none is configured.
 */
public record SourceSettings(Path pcap, ReplaySpeed speed) {
    public SourceSettings {
        Objects.requireNonNull(speed, "source.speed");
    }

    public static SourceSettings defaults() {
        return new SourceSettings(null, ReplaySpeed.REALTIME);
    }
}
