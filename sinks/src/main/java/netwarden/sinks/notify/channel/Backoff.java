package netwarden.sinks.notify.channel;

import java.time.Duration;
import java.util.random.RandomGenerator;
import netwarden.sinks.notify.config.DeliveryConfig;

/**
 * Exponential backoff with "equal jitter": before try n+1 wait between half and all of
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}, so retries spread out without collapsing to 0.
 */
public final class Backoff {
    private final DeliveryConfig config;
    private final RandomGenerator random;

    public Backoff(DeliveryConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** Wait after failed attempt number {@code attempt} (1-based). */
    public Duration after(int attempt) {
        long initial = config.initialBackoff().toNanos();
        long cap = config.maxBackoff().toNanos();
        long base = Math.min(initial, cap);
        for (int i = 1; i < attempt && base < cap; i++) base = base > cap / 2 ? cap : base * 2;
        long half = base / 2;
        return Duration.ofNanos(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
