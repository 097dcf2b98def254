package netwarden.ship.spool;

import java.util.List;
import java.util.Objects;
import netwarden.ship.format.ShipRow;
import netwarden.sinks.route.Sink;

/**
 * The shipper's place in the sink path: rows the store would keep arrive here through a
 * {@link netwarden.sinks.route.SinkWorker} and are appended to the {@link Spool}; the worker
 * batches them, the spool's group commit makes them durable, the shipper sends them on.
 */
public final class SpoolSink implements Sink<ShipRow> {
    private final Spool spool;

    public SpoolSink(Spool spool) {
        this.spool = Objects.requireNonNull(spool, "spool");
    }

    @Override
    public String name() {
        return "ship";
    }

    @Override
    public void deliver(List<ShipRow> batch) throws Exception {
        spool.append(batch);
    }

    @Override
    public void flush() throws Exception {
        spool.sync();
    }
}
