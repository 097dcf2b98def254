package netwarden.app.history;

import java.util.List;
import netwarden.model.Event;
import netwarden.sinks.route.Sink;
import netwarden.store.BatchBuilder;
import netwarden.store.EventRows;
import netwarden.store.Rows;
import netwarden.store.StoreWriter;

/**
 * The store as one sink of the event router: each delivered batch of events becomes one batch of rows
 * handed to the {@link StoreWriter}, which only queues it (the worker thread never waits on the database;
 * rows the writer cannot queue are counted there).
 */
final class StoreSink implements Sink<Event> {
    static final String NAME = "store";
    private final EventRows rows;
    private final StoreWriter writer;

    StoreSink(EventRows rows, StoreWriter writer) {
        this.rows = rows;
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(List<Event> batch) {
        BatchBuilder out = Rows.Batch.builder();
        for (Event e : batch) rows.add(e, out);
        writer.offer(out.build());
    }
}
