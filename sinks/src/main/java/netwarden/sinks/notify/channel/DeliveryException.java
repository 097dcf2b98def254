package netwarden.sinks.notify.channel;

import java.time.Duration;

/**
 * A delivery that did not succeed, saying whether to try again. Messages never hold secrets
 * (senders write URLs as scheme://host/… only).
 */
public final class DeliveryException extends Exception {
    /** What the channel should do next. */
    public enum Kind {
        /** Try again after the backoff (network error, timeout, 5xx). */
        RETRYABLE,
        /** Wait {@link #retryAfter()} and send the same notice again; does not use up an attempt. */
        RATE_LIMITED,
        /** Give up on this notice (4xx, bad configuration, a script that failed). */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    public DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(Kind.RETRYABLE, message, Duration.ZERO, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(Kind.PERMANENT, message, Duration.ZERO, null);
    }

    public static DeliveryException rateLimited(String message, Duration retryAfter) {
        return new DeliveryException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    /** At least this long before the next try (zero when the sender has no opinion). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
