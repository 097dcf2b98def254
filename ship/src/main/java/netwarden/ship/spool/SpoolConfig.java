package netwarden.ship.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the agent's {@link Spool}.
 *
 * @param dir          where segments live (created 0700)
 * @param maxBytes     the most the segments may hold together; beyond it the oldest are evicted (>= 64 KiB)
 * @param segmentBytes a segment is closed and a new one begun past this size (4 KiB..maxBytes/2, so eviction has something to take)
 * @param syncInterval the group commit: appended records are fsynced at least this often (10 ms..1 s);
 *                     a crash loses at most this much
 */
public record SpoolConfig(Path dir, long maxBytes, long segmentBytes, Duration syncInterval) {
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    public static final long DEFAULT_SEGMENT_BYTES = 4L << 20;

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(syncInterval, "syncInterval");
        if (maxBytes < 64 << 10) throw new IllegalArgumentException("maxBytes must be at least 65536: " + maxBytes);
        if (segmentBytes < 4096 || segmentBytes > maxBytes / 2)
            throw new IllegalArgumentException("segmentBytes must be between 4096 and maxBytes/2 (" + maxBytes / 2 + "): " + segmentBytes);
        if (syncInterval.compareTo(Duration.ofMillis(10)) < 0 || syncInterval.compareTo(Duration.ofSeconds(1)) > 0)
            throw new IllegalArgumentException("syncInterval must be between 10 ms and 1 s: " + syncInterval);
    }

    public static SpoolConfig defaults(Path dir) {
        return new SpoolConfig(dir, DEFAULT_MAX_BYTES, DEFAULT_SEGMENT_BYTES, Duration.ofSeconds(1));
    }
}
