package netwarden.sinks.route;

import java.util.List;

/**
 * Where items leave netwarden (a log, a directory, a notification channel, later a store or a
 * shipper). A sink is driven by exactly one {@link SinkWorker} thread, so it needs no locking of
 * its own; everything it throws is caught, counted and logged by the worker.
 *
 * @param <T> what it receives: engine events, notices
 */
public interface Sink<T> {
    /** The {@code sink} label of its metrics and the name in its log lines; stable and short. */
    String name();

    /**
     * Whether the sink wants {@code item} at all; asked on the producer's thread before queueing,
     * so an archive of ended attacks does not fill its queue with player joins. Must be cheap and
     * must not throw.
     */
    default boolean accepts(T item) {
        return true;
    }

    /** Delivers items in the order they were offered; one to {@link SinkConfig#maxBatch()} at a time, never empty. */
    void deliver(List<T> batch) throws Exception;

    /** When the sink next wants {@link #tick} (clock nanos), e.g. to close a digest window; MAX_VALUE for never. */
    default long nextDeadline() {
        return Long.MAX_VALUE;
    }

    /** Timed chores, called on the worker thread once {@link #nextDeadline()} has passed (checked after each batch and each wait). */
    default void tick(long nowNanos) throws Exception {}

    /** Called once on the worker thread after the last batch when the worker closes in time: send what is held back. */
    default void flush() throws Exception {}
}
