package netwarden.sinks.route;

import netwarden.model.Clock;
import org.slf4j.Logger;

/**
 * Logs a line at WARN at most once per interval and at DEBUG otherwise, so a sink that fails on
 * every item cannot flood the log (the failures are counted anyway). One per worker or channel;
 * thread-safe.
 */
public final class WarnLimiter {
    /** The usual interval: one WARN a minute. */
    public static final long MINUTE_NANOS = 60_000_000_000L;

    private final Logger log;
    private final Clock clock;
    private final long everyNanos;
    private long lastWarn;
    private boolean warned;

    public WarnLimiter(Logger log, Clock clock, long everyNanos) {
        this.log = log;
        this.clock = clock;
        this.everyNanos = everyNanos;
    }

    public synchronized void log(String line) {
        long now = clock.nanos();
        if (!warned || now - lastWarn >= everyNanos) {
            warned = true;
            lastWarn = now;
            log.warn(line);
        } else {
            log.debug(line);
        }
    }
}
