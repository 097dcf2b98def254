package netwarden.sources.ingest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import netwarden.model.Ticker;
import netwarden.model.ingest.IngestPort;

/**
 * The one loop between every source and the engine, on the pipeline thread; the whole trip reads
 * top to bottom in {@link #run}: the input delivers (reading and decoding on the way) into the
 * port, time moves on when the input says how far it got, and when nothing is ready the loop
 * waits on the input. A capture file replayed at full speed, a paced file, live capture and the
 * demo's synthetic traffic all run here; they differ only in their {@link Input}.
 *
 * <p>Design notes: the loop never finishes the engine. A file's end is the caller's to act on
 * ({@link IngestPort#endOfInput()} for replay, the runtime's own finish for {@code run}). The tick
 * (time advance and the input's health check) comes at least every {@link #TICK}, and whenever
 * nothing is ready, on an injected {@link Ticker}, so tests drive it with a fake one.
 */
public final class IngestLoop {
    /** Most time between two advances of the engine's clock while input keeps coming. */
    public static final Duration TICK = Duration.ofMillis(100);
    /** Most items handed over per input between two looks at the stop flag and the tick. */
    static final int BATCH = 4096;

    /** Why {@link #run} returned. */
    public enum End {
        /** The input is over. */
        INPUT_OVER,
        /** A stop was asked for, or the thread was interrupted. */
        STOPPED
    }

    private IngestLoop() {}

    /**
     * Runs {@code input} into {@code port} until the input is over or {@code stop} turns true (or
     * the thread is interrupted); throws what the input throws (a failed capture).
     */
    public static End run(Input input, IngestPort port, BooleanSupplier stop, Ticker ticker) throws Exception {
        long tick = TICK.toNanos();
        long nextTick = ticker.nanos();
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            int n = input.deliver(port, BATCH);                      // 1. read, decode, hand to the port
            if (n == Input.END) return End.INPUT_OVER;
            long now = ticker.nanos();
            if (n == 0 || now - nextTick >= 0) {                     // 2. time moves on
                input.check();
                long upTo = input.deliveredUpTo();
                if (upTo != Input.NO_TIME) port.advanceTo(upTo);
                nextTick = now + tick;
            }
            if (n == 0) {                                            // 3. nothing ready: wait for the input
                try {
                    input.await(Math.max(0, nextTick - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return End.STOPPED;
                }
            }
        }
        return End.STOPPED;
    }
}
