package netwarden.testkit;

import java.time.Duration;
import java.time.Instant;
import netwarden.model.Clock;
import netwarden.model.Ticker;

/** A {@link Clock} (and {@link Ticker}) that only moves when a test tells it to; safe to read from any thread. */
public final class FakeClock implements Clock, Ticker {
    private volatile long nanos;

    public FakeClock(long startNanos) {
        this.nanos = startNanos;
    }

    /** Starts at 2026-01-01T00:00:00Z, a fixed point so tests are reproducible. */
    public FakeClock() {
        this(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Override
    public long nanos() {
        return nanos;
    }

    public void set(long newNanos) {
        nanos = newNanos;
    }

    public synchronized void advanceNanos(long delta) {
        nanos += delta;
    }

    public void advance(Duration d) {
        advanceNanos(d.toNanos());
    }
}
