package netwarden.model;

/** Wall-clock time in nanoseconds since the Unix epoch; injected so tests can advance it by hand. */
@FunctionalInterface
public interface Clock {
    long nanos();

    Clock SYSTEM = () -> {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
}
