package netwarden.sources.gamelog;

import java.time.Duration;
import netwarden.model.Clock;
import org.slf4j.Logger;

/** At most one WARN per period; the next one says how many were held back meanwhile. */
final class RateLimitedWarning {
    private final Logger log;
    private final Clock clock;
    private final long periodNanos;
    private long lastNanos = Long.MIN_VALUE;
    private long suppressed;

    RateLimitedWarning(Logger log, Clock clock, Duration period) {
        this.log = log;
        this.clock = clock;
        this.periodNanos = period.toNanos();
    }

    /** Returns whether it was logged. */
    boolean warn(String message) {
        long now = clock.nanos();
        if (lastNanos != Long.MIN_VALUE && now - lastNanos < periodNanos) {
            suppressed++;
            return false;
        }
        lastNanos = now;
        if (suppressed > 0) log.warn("{} ({} more like it since the last warning)", message, suppressed);
        else log.warn(message);
        suppressed = 0;
        return true;
    }
}
