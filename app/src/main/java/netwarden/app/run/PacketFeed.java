package netwarden.app.run;

import java.util.function.BooleanSupplier;
import netwarden.engine.Engine;

/**
 * A producer of packets for the live pipeline: a capture file, synthetic demo traffic, later live
 * capture. {@link #run} is called once, on the pipeline thread, which owns the engine.
 */
public interface PacketFeed {
    /**
     * Feeds packets to {@code engine} (and advances its clock) until the input ends or
     * {@code stopRequested} turns true; returns promptly after that. Must not call
     * {@link Engine#finish()}: the runtime does, once, after this returns.
     */
    void run(Engine engine, BooleanSupplier stopRequested) throws Exception;

    /** What this feed reads, for the startup log line: {@code file game.pcapng at max speed}. */
    String describe();
}
