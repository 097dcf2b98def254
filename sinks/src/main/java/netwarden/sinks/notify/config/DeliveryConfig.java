package netwarden.sinks.notify.config;

import java.time.Duration;
import netwarden.model.SettingException;

/**
 * How one channel delivers: its queue, retries and timeouts.
 *
 * @param queueCapacity  notices waiting at most; more are dropped and counted
 * @param maxAttempts    tries per notice (1 = no retry); rate-limit waits do not count
 * @param initialBackoff wait before the second try; doubles each try, with jitter
 * @param maxBackoff     longest wait between tries
 * @param timeout        one request (HTTP, SMTP, script run) at most
 */
public record DeliveryConfig(int queueCapacity, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {
    public DeliveryConfig {
        if (queueCapacity < 1 || queueCapacity > 1_000_000)
            throw new SettingException("queue-capacity", queueCapacity, "queue-capacity must be 1..1000000: " + queueCapacity);
        if (maxAttempts < 1 || maxAttempts > 100) throw new SettingException("max-attempts", maxAttempts, "max-attempts must be 1..100: " + maxAttempts);
        positive("initial-backoff", initialBackoff);
        positive("max-backoff", maxBackoff);
        positive("timeout", timeout);
        if (maxBackoff.compareTo(initialBackoff) < 0)
            throw new SettingException("max-backoff", maxBackoff, "max-backoff must not be shorter than initial-backoff: " + maxBackoff + " < " + initialBackoff);
    }

    /** 1000 queued, 5 attempts, backoff 1 s doubling to 1 min, 10 s timeout. */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(1000, 5, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    public DeliveryConfig withQueueCapacity(int n) {
        return new DeliveryConfig(n, maxAttempts, initialBackoff, maxBackoff, timeout);
    }

    public DeliveryConfig withMaxAttempts(int n) {
        return new DeliveryConfig(queueCapacity, n, initialBackoff, maxBackoff, timeout);
    }

    public DeliveryConfig withTimeout(Duration d) {
        return new DeliveryConfig(queueCapacity, maxAttempts, initialBackoff, maxBackoff, d);
    }

    static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new SettingException(field, d, field + " must be positive: " + d);
    }
}
