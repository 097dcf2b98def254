package netwarden.sinks.route;

import java.time.Duration;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event path out of the engine: every event goes to every sink that accepts it (the event
 * log, the incident archive, notifications; later a store, a shipper), each behind its own
 * {@link SinkWorker}, so a slow or broken sink fills and drops only its own queue.
 *
 * <p>{@link #onEvent} runs on the pipeline thread and never blocks; a worker whose offer throws (a
 * sink's {@code accepts}) is logged at DEBUG and skipped, never stopping the others. The constructor
 * has no side effects; {@link #start()} starts the workers, {@link #close(Duration)} closes them in
 * parallel within one deadline, each delivering what it still has queued.
 */
public final class EventRouter implements EventListener, AutoCloseable {
    /** What {@link #close()} allows. */
    public static final Duration CLOSE_DEADLINE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    private final List<SinkWorker<Event>> workers;

    public EventRouter(List<SinkWorker<Event>> workers) {
        this.workers = List.copyOf(workers);
    }

    public void start() {
        workers.forEach(SinkWorker::start);
    }

    public List<SinkWorker<Event>> workers() {
        return workers;
    }

    @Override
    public void onEvent(Event event) {
        for (SinkWorker<Event> w : workers) {
            try {
                w.offer(event);
            } catch (RuntimeException e) {
                LOG.debug("sink {} failed on {}: {}", w.name(), event.kind(), e.toString());
            }
        }
    }

    /** Closes every worker in parallel; returns within about {@code deadline}. */
    public void close(Duration deadline) {
        SinkWorker.closeInParallel(workers, SinkWorker::close, deadline);
    }

    /** {@link #close(Duration)} with {@link #CLOSE_DEADLINE}. */
    @Override
    public void close() {
        close(CLOSE_DEADLINE);
    }
}
