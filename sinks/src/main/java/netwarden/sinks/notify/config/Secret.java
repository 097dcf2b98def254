package netwarden.sinks.notify.config;

import java.util.Objects;

/**
 * A secret value (password, token, HMAC key) that never prints: {@link #toString()} is
 * {@code ****}, so records holding one stay safe to log. Read it with {@link #reveal()}.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "secret");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
