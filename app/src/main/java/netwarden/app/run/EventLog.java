package netwarden.app.run;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.wire.AddressFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs engine events at INFO, one line each: player joined/left (addresses masked), service
 * discovered, and attack started/updated/ended with the incident's numbers and its reason.
 *
 * <p>Design notes: {@link #onEvent} runs on the pipeline thread and must never block, so events go
 * to a bounded queue drained by a daemon thread; when the queue is full the event is dropped and
 * counted in {@code netwarden_event_log_dropped_total}.
 */
final class EventLog implements EventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("netwarden.events");
    private static final int CAPACITY = 4096;

    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AddressFormat addresses;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean closing;

    EventLog(AddressFormat addresses, Counter dropped) {
        this.addresses = addresses;
        this.dropped = dropped;
        this.writer = Thread.ofPlatform().daemon().name("netwarden-event-log").unstarted(this::drain);
    }

    static Counter droppedCounter() {
        return Counter.builder().name("netwarden_event_log_dropped_total")
                .help("Engine events not logged because the log queue was full.").build();
    }

    void start() {
        writer.start();
    }

    @Override
    public void onEvent(Event event) {
        if (!queue.offer(event)) dropped.inc();
    }

    private void drain() {
        try {
            while (!closing || !queue.isEmpty()) {
                Event e = queue.poll(100, TimeUnit.MILLISECONDS);
                if (e != null) LOG.info(describe(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String describe(Event e) {
        return switch (e) {
            case Event.PlayerJoined j -> "player joined " + j.service() + ": " + addresses.format(j.player().address())
                    + " (players now " + j.playersNow() + ")";
            case Event.PlayerLeft l -> "player left " + l.service() + ": " + addresses.format(l.player().address())
                    + " (players now " + l.playersNow() + ")";
            case Event.ServiceDiscovered d -> "service discovered: " + d.key() + " as " + d.service() + " ("
                    + d.distinctSources() + " sources)";
            case Event.AttackStarted a -> "attack started: " + AttackLines.headline(a.incident()) + ": " + a.incident().reason();
            case Event.AttackUpdated a -> "attack updated: " + AttackLines.headline(a.incident()) + ": " + AttackLines.now(a.incident())
                    + ": " + a.incident().reason();
            case Event.AttackEnded a -> "attack ended: " + AttackLines.headline(a.incident()) + " after "
                    + AttackLines.duration(a.incident()) + ": " + AttackLines.totals(a.incident()) + ": " + a.incident().reason();
            default -> e.kind() + " " + e.service();
        };
    }

    /** Logs what is queued (for at most a second), then stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
