package netwarden.app.history;

import java.util.function.Consumer;
import netwarden.model.Clock;
import netwarden.model.ingest.FlowRecord;
import netwarden.store.BatchBuilder;
import netwarden.store.FlowMinuteAccumulator;
import netwarden.store.Rows;

/**
 * The collectors' records into the store as per-minute aggregates: called on the collector's decode
 * thread for every record it hands on; once the wall-clock minute has moved on, the summed rows go to
 * the {@link StoreWriter} as one batch (which queues, never waits). {@link #flush()} writes the rest,
 * after the collector stopped.
 */
final class FlowHistory implements Consumer<FlowRecord> {
    /** Open rows per flush: beyond, a record is summed into its exporter's "others" row. */
    static final int MAX_ROWS = 100_000;
    private static final String AGENT = "";

    private final FlowMinuteAccumulator minutes = new FlowMinuteAccumulator(AGENT, MAX_ROWS);
    private final java.util.function.Consumer<netwarden.store.Rows.Batch> writer;
    private final Clock clock;
    private long minute = Long.MIN_VALUE;

    FlowHistory(java.util.function.Consumer<netwarden.store.Rows.Batch> writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void accept(FlowRecord r) {
        long now = Math.floorDiv(clock.nanos(), 60_000_000_000L);
        if (minute == Long.MIN_VALUE) minute = now;
        if (now > minute) {
            minute = now;
            flush();
        }
        minutes.add(r);
    }

    void flush() {
        if (minutes.size() == 0) return;
        BatchBuilder out = Rows.Batch.builder();
        minutes.flush(out);
        writer.accept(out.build());
    }
}
