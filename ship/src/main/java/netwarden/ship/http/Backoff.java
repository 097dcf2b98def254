package netwarden.ship.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row wait a random time in
 * {@code [cap/2, cap]} where {@code cap = min(max, initial * 2^(n-1))}, so a fleet that lost its
 * server does not come back in lock step, and no wait is shorter than half its step.
 */
public final class Backoff {
    private final long initialNanos, maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (!initial.isPositive()) throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max backoff must be >= initial (" + initial + "): " + max);
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait after {@code failures} (>= 1) failures in a row. */
    public Duration delay(int failures) {
        if (failures < 1) throw new IllegalArgumentException("failures must be >= 1: " + failures);
        int shift = Math.min(failures - 1, 40);
        long cap = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
        return Duration.ofNanos(cap / 2 + random.nextLong(cap / 2 + 1));
    }
}
