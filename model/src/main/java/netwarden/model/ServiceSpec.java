package netwarden.model;

import java.util.Objects;

/**
 * A configured service: a name, its key, and an optional connect string shown to people
 * (for example {@code connect play.example.org:27960}). Never put passwords in it.
 */
public record ServiceSpec(String name, ServiceKey key, String connect) {
    public ServiceSpec {
        Objects.requireNonNull(key, "key");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("service name must not be empty");
        if (!name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("service name may hold only letters, digits, '.', '_' and '-': " + name);
    }
}
