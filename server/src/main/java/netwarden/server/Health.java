package netwarden.server;

import java.util.Objects;

/**
 * What {@code GET /healthz} answers: {@code {"status":"...","reason":"..."}} with 200 when
 * {@link #healthy}, else 503, so a supervisor or load balancer sees a pipeline that processes
 * nothing even though the HTTP port still answers.
 *
 * @param healthy true for 200, false for 503
 * @param status  one word: {@code ok}, {@code done}, {@code stalled}, {@code failed}, ...
 * @param reason  why, in plain words; null for a plain {@code ok}
 */
public record Health(boolean healthy, String status, String reason) {
    /** Nothing known against it. */
    public static final Health OK = new Health(true, "ok", null);

    public Health {
        Objects.requireNonNull(status, "status");
        if (status.isBlank()) throw new IllegalArgumentException("health status must not be blank");
    }

    public static Health healthy(String status, String reason) {
        return new Health(true, status, reason);
    }

    public static Health unhealthy(String status, String reason) {
        return new Health(false, status, Objects.requireNonNull(reason, "reason"));
    }
}
