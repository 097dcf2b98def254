package netwarden.sinks.notify.config;

import java.time.Duration;
import java.util.Set;
import netwarden.model.SettingException;

/**
 * Storm control per channel: in each window (starting with the first event after the previous one
 * closed), the first {@code threshold} events go out one by one; further events of the listed
 * kinds are held and summarised in one digest when the window ends ("12 player_joined on q3").
 *
 * @param kinds event kinds that may be folded into a digest; others always go out one by one
 */
public record DigestConfig(boolean enabled, Duration window, int threshold, Set<String> kinds) {
    public DigestConfig {
        if (window == null || window.isNegative() || window.isZero())
            throw new SettingException("digest.window", window, "digest.window must be positive: " + window);
        if (threshold < 1) throw new SettingException("digest.threshold", threshold, "digest.threshold must be at least 1: " + threshold);
        kinds = Set.copyOf(kinds);
        EventKinds.check("digest.kinds", "digest.kinds", kinds);
    }

    /** On; window 1 min; 10 events; joins, leaves, discoveries and attack updates. */
    public static DigestConfig defaults() {
        return new DigestConfig(true, Duration.ofMinutes(1), 10, Set.of(EventKinds.PLAYER_JOINED, EventKinds.PLAYER_LEFT,
                EventKinds.SERVICE_DISCOVERED, EventKinds.ATTACK_UPDATED));
    }
}
