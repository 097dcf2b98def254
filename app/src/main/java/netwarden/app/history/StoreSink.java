package netwarden.app.history;

import java.util.List;
import java.util.function.Consumer;
import netwarden.model.Event;
import netwarden.sinks.route.Sink;
import netwarden.store.BatchBuilder;
import netwarden.store.EventRows;
import netwarden.store.Rows;

/**
 * The store as one sink of the event router: each delivered batch of events becomes one batch of rows
 * handed to the {@link netwarden.store.StoreWriter} (and an agent's shipping), which only queue it (the worker thread never waits on the database;
 * rows the writer cannot queue are counted there).
 */
final class StoreSink implements Sink<Event> {
    static final String NAME = "store";
    private final EventRows rows;
    private final Consumer<Rows.Batch> writer;

    StoreSink(EventRows rows, Consumer<Rows.Batch> writer) {
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
        writer.accept(out.build());
    }
}
