package netwarden.app.run;

import java.util.function.BooleanSupplier;
import netwarden.engine.Engine;

/**
 * A producer of packets for the live pipeline: a capture file, synthetic demo traffic, live
 * capture. {@link #run} is called once, on the pipeline thread, which owns the engine.
 */
public interface PacketFeed {
    /**
     * Feeds packets to {@code engine} (and advances its clock) until the input ends or
     * {@code stopRequested} turns true; returns promptly after that. Must not call
     * {@link Engine#finish()}: the runtime does, once, after this returns.
     *
     * <p>Poll {@code stopRequested} on the pipeline thread, often (per packet or batch, and at
     * least every second or so while idle): the runtime also uses the poll for its timed work on
     * the engine, such as taking the learned baselines to save. Give the engine the captured frames
     * ({@link Engine#onPacket(netwarden.model.Packet, java.lang.foreign.MemorySegment)}) and their
     * link type ({@link Engine#linkType(int)}) when the source has them, so attack records carry a
     * sample pcap.
     */
    void run(Engine engine, BooleanSupplier stopRequested) throws Exception;

    /**
     * True when the feed ends by itself once its input is over (a capture file): its end is then
     * "done" for {@code /healthz}; a live source that ends is "stopped" (see {@link PipelineHealth}).
     */
    default boolean finite() {
        return false;
    }

    /** What this feed reads, for the startup log line: {@code file game.pcapng at max speed}. */
    String describe();
}
