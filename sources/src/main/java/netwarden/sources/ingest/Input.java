package netwarden.sources.ingest;

import netwarden.model.ingest.IngestPort;

/**
 * A source as the {@link IngestLoop} sees it: something that hands frames, aggregates or flow
 * records to an {@link IngestPort} when they are ready, says how far its time has got, and can
 * wait for more. A capture file, live capture, synthetic traffic and (later) a flow collector are
 * each one Input; the loop around them is written once.
 *
 * <p>Contract: every method is called on the pipeline thread only. {@link #deliver} never blocks;
 * waiting is {@link #await}'s job, so the loop can keep its clock ticking.
 */
public interface Input {
    /** {@link #deliver} result: the input is over (end of file, damaged file, demo time up). */
    int END = -1;
    /** {@link #deliveredUpTo} result: only the input's own timestamps move time. */
    long NO_TIME = Long.MIN_VALUE;

    /**
     * Hands what is ready now to {@code port}, at most {@code max} items (frames, aggregates,
     * records); returns how many, 0 when nothing is ready yet, or {@link #END}.
     */
    int deliver(IngestPort port, int max) throws Exception;

    /**
     * The time up to which everything has been delivered, so the engine may close the seconds
     * before it (a live clock less the sources' delivery delay, a paced file's replay time), or
     * {@link #NO_TIME}.
     */
    long deliveredUpTo();

    /** Waits until something may be ready, at most {@code maxNanos}; may return early. */
    void await(long maxNanos) throws InterruptedException;

    /** Throws what stopped the input behind the loop's back (a capture thread that failed); called on each tick. */
    default void check() throws Exception {}
}
