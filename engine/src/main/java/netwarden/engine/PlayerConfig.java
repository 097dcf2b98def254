package netwarden.engine;

import java.time.Duration;
import netwarden.model.SettingException;

/**
 * When a source counts as a player of a service.
 *
 * <p>A second "qualifies" for a UDP (or other non-TCP) source when it sent at least
 * {@code minPpsIn} packets to the service in that second and the service sent it at least
 * {@code minPpsOut}. The source joins once {@code joinAfter} worth of qualifying seconds fall inside
 * the last {@code activityWindow}; it leaves after {@code leaveAfter} without a packet from it.
 * TCP sources qualify in a second in which both directions carried payload (or, once joined,
 * any packet in either direction); a FIN or RST ends the player at once.
 */
public record PlayerConfig(double minPpsIn, double minPpsOut, Duration activityWindow, Duration joinAfter,
                           Duration leaveAfter, int recentLeftKept) {
    public PlayerConfig {
        if (!(minPpsIn > 0)) throw new SettingException("players.min-pps-in", minPpsIn, "players.min-pps-in must be positive: " + minPpsIn);
        if (!(minPpsOut >= 0)) throw new SettingException("players.min-pps-out", minPpsOut, "players.min-pps-out must not be negative: " + minPpsOut);
        requirePositiveSeconds("players.activity-window", activityWindow);
        requirePositiveSeconds("players.join-after", joinAfter);
        requirePositiveSeconds("players.leave-after", leaveAfter);
        if (joinAfter.compareTo(activityWindow) > 0)
            throw new SettingException("players.join-after", null, "players.join-after (" + joinAfter + ") must not exceed players.activity-window (" + activityWindow + ")");
        if (activityWindow.toSeconds() > 64)
            throw new SettingException("players.activity-window", activityWindow, "players.activity-window must be at most 64s: " + activityWindow);
        if (recentLeftKept < 0) throw new SettingException("players.recent-left-kept", recentLeftKept, "players.recent-left-kept must not be negative: " + recentLeftKept);
    }

    public static PlayerConfig defaults() {
        return new PlayerConfig(5, 1, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(15), 1000);
    }

    static void requirePositiveSeconds(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toNanos() % 1_000_000_000L != 0)
            throw new SettingException(field, d, field + " must be a positive whole number of seconds: " + d);
    }
}
