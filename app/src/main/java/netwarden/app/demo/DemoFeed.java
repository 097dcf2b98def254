package netwarden.app.demo;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import netwarden.app.run.PacketFeed;
import netwarden.engine.Engine;
import netwarden.model.Clock;
import netwarden.model.Packet;

/**
 * Feeds {@link DemoTraffic} to the live pipeline in real time: every few milliseconds it emits the
 * packets due up to the clock's now (timestamps are simulated times on the wall clock) and advances
 * the engine's clock, so seconds close even when no packet arrives.
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
    public void run(Engine engine, BooleanSupplier stopRequested) {
        long start = clock.nanos();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        DemoTraffic traffic = new DemoTraffic(seed, start).narrate(narration);
        Packet packet = new Packet();
        Consumer<Packet> sink = engine::onPacket;
        while (!stopRequested.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            long now = Math.min(clock.nanos(), end);
            traffic.emitUntil(now, packet, sink);
            engine.advanceTo(now);
            if (now >= end) return;
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    @Override
    public String describe() {
        return "synthetic demo traffic (seed " + seed + (duration == null ? "" : ", for " + duration.toSeconds() + " s") + ")";
    }
}
