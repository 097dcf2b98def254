package netwarden.app.history;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.PlayerSnapshot;
import netwarden.server.NetwardenHttpServer;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkWorker;
import netwarden.store.AddressInfo;
import netwarden.store.BatchBuilder;
import netwarden.store.EventRows;
import netwarden.store.Rows;
import netwarden.store.SnapshotRows;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.StoreMetrics;
import netwarden.store.StoreWriter;
import netwarden.store.Stores;

/**
 * The running store: the database, its one {@link StoreWriter}, the event router's sink and the per-second
 * rollups taken from the engine's published snapshots.
 *
 * <p>Design notes: the constructor is inert; {@link #start()} connects and migrates (a store that cannot
 * start fails the start, as a port that cannot be bound does). {@link #snapshot} and {@link #flush} run on
 * the pipeline thread only (the snapshot mapping keeps per-service state); they map and queue, never
 * wait on the database. {@link #close()} runs after the event router closed, so the writer gets every
 * event row before it writes out its queue. An agent ({@code netwarden agent}) also, or only, hands every batch
 * to its {@link RowsShipping}: the same rows the local store gets go to the central server.
 */
public final class History implements AutoCloseable {
    /** Events queued for the store sink; more are dropped and counted by the router's metrics. */
    static final int QUEUE = 100_000;
    /** How often the sessions of players still online are rewritten (snapshot time: a capture's own). */
    static final long SESSIONS_EVERY_NANOS = 60_000_000_000L;
    private static final String AGENT = "";

    private final Store store;
    private final StoreWriter writer;
    private final StoreMetrics metrics = new StoreMetrics();
    private final SinkWorker<Event> sink;
    private final SnapshotRows rollups;
    private final EventRows online;
    private final FlowHistory flows;
    private EngineSnapshot lastSnapshot;
    private long lastSessionsNanos = Long.MIN_VALUE;

    private final RowsShipping shipping;
    private final Consumer<Rows.Batch> outlet;

    public History(StoreConfig config, Path stateDir, AddressInfo.Lookup lookup, Clock clock) {
        this(config, stateDir, lookup, lookup, clock, true, null);
    }

    /** An agent's history: {@code lookup} for events and snapshots alike. */
    public History(StoreConfig config, Path stateDir, AddressInfo.Lookup lookup, Clock clock, boolean local, RowsShipping shipping) {
        this(config, stateDir, lookup, lookup, clock, local, shipping);
    }

    /**
     * @param events    enrichment for event rows (players, attack sources), on the store sink's thread: may wait
     * @param snapshots enrichment for the per-source minute rows, on the pipeline thread: must not wait
     * @param local     keep the local store (an agent without it has no history API of its own)
     * @param shipping  where an agent ships the rows, or null
     */
    public History(StoreConfig config, Path stateDir, AddressInfo.Lookup events, AddressInfo.Lookup snapshots, Clock clock,
                   boolean local, RowsShipping shipping) {
        if (!local && shipping == null) throw new IllegalArgumentException("history needs a local store or shipping");
        this.store = local ? Stores.open(config, stateDir) : null;
        this.writer = local ? new StoreWriter(store, config, clock, metrics) : null;
        this.shipping = shipping;
        StoreWriter w = writer;
        this.outlet = w == null ? shipping::offer : shipping == null ? w::offer : b -> {
            w.offer(b);
            shipping.offer(b);
        };
        this.sink = new SinkWorker<>(new StoreSink(new EventRows(AGENT, events), outlet), SinkConfig.ofCapacity(QUEUE), clock);
        this.rollups = new SnapshotRows(AGENT, config.topSources(), snapshots);
        this.online = new EventRows(AGENT, snapshots);
        this.flows = new FlowHistory(outlet, clock);
    }

    /** The store's API: events, series, sessions, search, incidents and their acknowledgement (nothing without a local store). */
    public void register(NetwardenHttpServer server) {
        if (store == null) return;
        new HistoryApi(store).register(server);
        new SearchApi(store).register(server);
        new IncidentsApi(store, System::currentTimeMillis).register(server);
    }

    /** Where the flow collectors hand each record (on their decode thread): per-minute flow rows. */
    public java.util.function.Consumer<netwarden.model.ingest.FlowRecord> flowRecords() {
        return flows;
    }

    /** Writes the flow rows still summing; call once the collectors have stopped. */
    public void flushFlows() {
        flows.flush();
    }

    /** Connects, migrates, registers the store metrics and starts the writer (the router starts the sink); opens the spool. */
    public void start(PrometheusRegistry registry) throws IOException {
        if (store != null) {
            store.start();
            metrics.register(registry);
            writer.start();
        }
        if (shipping != null) shipping.start(registry);
    }

    /** The event router's worker for the store. */
    public SinkWorker<Event> sink() {
        return sink;
    }

    /** Reads for the API; thread-safe; null for an agent without a local store. */
    public Store store() {
        return store;
    }

    public StoreMetrics metrics() {
        return metrics;
    }

    /** Pipeline thread: turns the seconds a newly published snapshot adds into rollup rows. */
    public void snapshot(EngineSnapshot s) {
        if (s == lastSnapshot) return; // identity: the engine publishes a new object per closed second
        lastSnapshot = s;
        BatchBuilder out = Rows.Batch.builder();
        rollups.add(s, out);
        if (lastSessionsNanos == Long.MIN_VALUE || s.asOfNanos() - lastSessionsNanos >= SESSIONS_EVERY_NANOS) {
            lastSessionsNanos = s.asOfNanos();
            onlineSessions(s, out);
        }
        outlet.accept(out.build());
    }

    /** Players still online: their sessions as they stand (join and leave events write the rest). */
    private void onlineSessions(EngineSnapshot s, BatchBuilder out) {
        for (PlayerSnapshot p : s.players()) if (p.leftNanos() == 0) online.session(p, out);
    }

    /** Pipeline thread, at the end of input: the last snapshot plus the open minute and hour. */
    public void flush(EngineSnapshot last) {
        snapshot(last);
        BatchBuilder out = Rows.Batch.builder();
        rollups.flush(out);
        onlineSessions(last, out);
        outlet.accept(out.build());
    }

    /** Waits until the writer has written (or dropped) every queued row, at most {@code max}; true when it has. */
    public boolean awaitWritten(java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (writer != null && writer.queuedRows() > 0) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** Writes what is queued (bounded by the writer's close timeout), then closes the database. */
    @Override
    public void close() {
        if (writer != null) writer.close();
        if (store != null) store.close();
        if (shipping != null) shipping.close();
    }
}
