package netwarden.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code netwarden run} reads packets from: a capture file ({@code pcap}, null when none is
 * configured) replayed through the live pipeline at {@code speed}, else live capture when
 * {@code liveCapture} is on ({@code capture.enabled}: on by default when the config file has a
 * {@code capture:} section, off otherwise, so nothing is captured that was not asked for).
 */
public record SourceSettings(Path pcap, ReplaySpeed speed, boolean liveCapture) {
    public SourceSettings {
        Objects.requireNonNull(speed, "source.speed");
    }

    public static SourceSettings defaults() {
        return new SourceSettings(null, ReplaySpeed.REALTIME, false);
    }
}
