package netwarden.model;

/**
 * A monotonic time source in nanoseconds, meaningful only as differences (as {@code System.nanoTime});
 * used for cadence and cost measurements, never for packet or event time (that is {@link Clock}'s).
 * Injected so tests advance a fake one instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
