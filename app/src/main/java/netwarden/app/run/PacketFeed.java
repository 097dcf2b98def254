package netwarden.app.run;

import java.util.function.BooleanSupplier;
import netwarden.model.ingest.IngestPort;

/**
 * A producer of input for the live runtime: a capture file, synthetic demo traffic, live capture.
 * Each runs its source through the one {@link netwarden.sources.ingest.IngestLoop}. {@link #run}
 * is called once, on the pipeline thread, which owns the engine behind the port.
 */
public interface PacketFeed {
    /**
     * Writes input to {@code port} (frames with their link type, aggregates, time) until the input
     * ends or {@code stopRequested} turns true; returns promptly after that. Must not end the input
     * ({@link IngestPort#endOfInput()}): the runtime finishes the engine, once, after this returns.
     *
     * <p>Poll {@code stopRequested} on the pipeline thread, often (per batch, and at least every
     * second or so while idle): the runtime also uses the poll for its timed work on the engine,
     * such as taking the learned baselines to save. Give the port the captured frames' bytes when
     * the source has them, so attack records carry a sample pcap.
     */
    void run(IngestPort port, BooleanSupplier stopRequested) throws Exception;

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
