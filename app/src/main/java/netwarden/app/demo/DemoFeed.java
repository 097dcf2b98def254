package netwarden.app.demo;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import netwarden.app.run.PacketFeed;
import netwarden.model.Clock;
import netwarden.model.Packet;
import netwarden.model.Ticker;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.ingest.IngestLoop;
import netwarden.sources.ingest.Input;

/**
 * {@link DemoTraffic} in real time through the ingest loop: each time the loop asks, it emits the
 * packets due up to the clock's now (timestamps are simulated times on the wall clock); that now is
 * how far the engine's clock may go, so seconds close even when no packet arrives.
 */
public final class DemoFeed implements PacketFeed {
    private static final long TICK_NANOS = 10_000_000L;

    private final long seed;
    private final Duration duration;
    private final Clock clock;
    private final Consumer<String> narration;

    /** @param duration how long to run; null runs until stopped */
    public DemoFeed(long seed, Duration duration, Clock clock, Consumer<String> narration) {
        this.seed = seed;
        this.duration = duration;
        this.clock = clock;
        this.narration = narration;
    }

    @Override
    public void run(IngestPort port, BooleanSupplier stopRequested) throws Exception {
        IngestLoop.run(new DemoInput(), port, stopRequested, Ticker.SYSTEM);
    }

    @Override
    public String describe() {
        return "synthetic demo traffic (seed " + seed + (duration == null ? "" : ", for " + duration.toSeconds() + " s") + ")";
    }

    /** The demo's traffic as an input: packets due by the clock's now, until the duration is up. */
    private final class DemoInput implements Input {
        private final long end;
        private final DemoTraffic traffic;
        private final Packet packet = new Packet();
        private long emittedUpTo;

        DemoInput() {
            long start = clock.nanos();
            this.end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
            this.traffic = new DemoTraffic(seed, start).narrate(narration);
            this.emittedUpTo = start;
        }

        @Override
        public int deliver(IngestPort port, int max) {
            if (emittedUpTo >= end) return END;
            long now = Math.min(clock.nanos(), end);
            long n = traffic.emitUntil(now, packet, p -> port.frame(p, null, 0));
            emittedUpTo = now;
            if (now >= end) port.advanceTo(now); // the last second the demo ran closes before the runtime finishes
            return (int) Math.min(n, Integer.MAX_VALUE);
        }

        @Override
        public long deliveredUpTo() {
            return emittedUpTo;
        }

        @Override
        public void await(long maxNanos) {
            LockSupport.parkNanos(Math.min(maxNanos, TICK_NANOS));
        }
    }
}
