package netwarden.sinks.route;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link SinkWorker}.
 *
 * @param queueCapacity items that may wait; more are dropped and counted (1..10,000,000)
 * @param maxBatch      most items handed to {@link Sink#deliver} at once (1..queueCapacity); 1 keeps
 *                      one item in flight, as a channel that retries each notice in order needs
 * @param maxIdle       longest the worker waits for items before it looks at {@link Sink#nextDeadline()}
 *                      again (positive, at most 1 min)
 */
public record SinkConfig(int queueCapacity, int maxBatch, Duration maxIdle) {
    public static final int DEFAULT_MAX_BATCH = 512;
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(1);

    public SinkConfig {
        Objects.requireNonNull(maxIdle, "maxIdle");
        if (queueCapacity < 1 || queueCapacity > 10_000_000)
            throw new IllegalArgumentException("queueCapacity must be between 1 and 10000000: " + queueCapacity);
        if (maxBatch < 1 || maxBatch > queueCapacity)
            throw new IllegalArgumentException("maxBatch must be between 1 and queueCapacity (" + queueCapacity + "): " + maxBatch);
        if (!maxIdle.isPositive() || maxIdle.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("maxIdle must be positive and at most 1 min: " + maxIdle);
    }

    /** {@code capacity} queued, batches of up to {@value #DEFAULT_MAX_BATCH} (fewer when the queue is smaller), 1 s idle. */
    public static SinkConfig ofCapacity(int capacity) {
        return new SinkConfig(capacity, Math.min(DEFAULT_MAX_BATCH, Math.max(1, capacity)), DEFAULT_MAX_IDLE);
    }

    public SinkConfig withMaxBatch(int batch) {
        return new SinkConfig(queueCapacity, batch, maxIdle);
    }

    public SinkConfig withMaxIdle(Duration idle) {
        return new SinkConfig(queueCapacity, maxBatch, idle);
    }
}
