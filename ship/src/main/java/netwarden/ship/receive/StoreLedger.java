package netwarden.ship.receive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import netwarden.model.Clock;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.rows.RowsCodec;
import netwarden.store.Rows;
import netwarden.store.Shipped;
import netwarden.store.Store;
import netwarden.store.StoreException;

/**
 * {@link AgentLedger} over the server's {@link Store}: shipped rows land in the store's own tables (the agent
 * column set to the sender) and the agent's high-water mark moves in the same transaction
 * ({@link Store#writeShipped}), so the API answers for every agent and a retried batch is stored once.
 *
 * <p>Design notes: a group commit. Callers (one virtual thread per HTTP request, or the Kafka consumer) decode
 * their batch into rows on their own thread, queue it and wait; one writer thread takes everything queued (up to
 * {@code maxRows} rows) and writes it in one transaction, then answers each caller. Ten agents sending at once
 * thus cost one commit, not ten; a failed transaction fails every batch in it, and each sender retries. Rows that
 * do not convert are counted ({@link #badRows()}) and left out; the batch still moves the mark, since sending it
 * again would not make it better.
 */
public final class StoreLedger implements AgentLedger, AutoCloseable {
    /** What was stored, for the server's fleet view (freshness, fleet-wide rules): called on the writer thread after the commit. */
    public record Received(String agent, Shipped.Result result, Rows.Batch rows, int heartbeats, long atMs) {}

    private record Pending(Shipped.Batch batch, RowsCodec.Decoded decoded, CompletableFuture<Shipped.Result> done) {}

    private static final Pending STOP = new Pending(null, null, null);
    private final Store store;
    private final Clock clock;
    private final int maxRows;
    private final Consumer<Received> listener;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final LongAdder badRows = new LongAdder(), commits = new LongAdder(), notKept = new LongAdder();
    private volatile boolean closed;

    public StoreLedger(Store store, Clock clock, int maxRows, Consumer<Received> listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        this.maxRows = maxRows;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.writer = Thread.ofPlatform().daemon().name("netwarden-ledger").unstarted(this::run);
    }

    public void start() {
        writer.start();
    }

    @Override
    public StoreResult storeIfNew(ShipBatch b) throws LedgerException {
        if (closed) throw new LedgerException("the server is stopping", null);
        RowsCodec.Decoded d = RowsCodec.decode(b.agentId(), b.rows());
        if (d.bad() > 0) badRows.add(d.bad());
        if (d.notKept() > 0) notKept.add(d.notKept());
        long toldFrom = b.gap() == null ? 0 : b.gap().from();
        Pending p = new Pending(new Shipped.Batch(b.agentId(), b.epoch(), b.sequence(), toldFrom,
                b.gap() == null ? 0 : b.gap().rows(), b.gap() == null ? 0 : b.gap().bytes(), d.rows()), d, new CompletableFuture<>());
        queue.add(p);
        try {
            return switch (p.done().get()) {
                case STORED -> StoreResult.STORED;
                case DUPLICATE -> StoreResult.DUPLICATE;
                case GAP -> StoreResult.GAP;
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while storing", e);
        } catch (ExecutionException e) {
            throw new LedgerException("storing " + b.agentId() + "/" + b.epoch() + "/" + b.sequence() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            group.clear();
            try {
                Pending first = queue.take();
                if (first == STOP) return;
                group.add(first);
                long rows = first.batch().rows().rows();
                for (Pending p; rows < maxRows && (p = queue.peek()) != null && p != STOP; rows += p.batch().rows().rows())
                    group.add(queue.poll());
            } catch (InterruptedException e) {
                return;
            }
            write(group);
        }
    }

    private void write(List<Pending> group) {
        List<Shipped.Result> results;
        long now = clock.nanos() / 1_000_000;
        try {
            results = store.writeShipped(group.stream().map(Pending::batch).toList(), now);
            commits.increment();
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            for (Pending p : group) p.done().completeExceptionally(e);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            Shipped.Result r = results.get(i);
            p.done().complete(r);
            try {
                listener.accept(new Received(p.batch().agent(), r, p.batch().rows(), p.decoded().heartbeats(), now));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(StoreLedger.class).warn("fleet listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public long highWaterMark(String agentId, long epoch) throws LedgerException {
        try {
            return store.marks().stream().filter(m -> m.agent().equals(agentId) && m.epoch() == epoch).mapToLong(Shipped.Mark::hwm).findFirst().orElse(0);
        } catch (StoreException e) {
            throw new LedgerException("reading the mark of " + agentId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<GapRecord> gaps(String agentId) throws LedgerException {
        try {
            return store.gaps(agentId).stream().map(g -> new GapRecord(g.agent(), g.epoch(), g.from(), g.to(), g.rowsLost(), g.bytesLost())).toList();
        } catch (StoreException e) {
            throw new LedgerException("reading the gaps of " + agentId + " failed: " + e.getMessage(), e);
        }
    }

    /** Shipped rows that did not convert (missing or mistyped columns): counted and left out. */
    public long badRows() { return badRows.sum(); }
    /** Rows of tables this server does not keep (connections, flows): counted and left out. */
    public long notKeptRows() { return notKept.sum(); }
    /** Transactions written (each holds one or more batches). */
    public long commits() { return commits.sum(); }

    /** Stops after what is queued is written. */
    @Override
    public void close() throws InterruptedException {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        writer.join(30_000);
        for (Pending p; (p = queue.poll()) != null; )
            if (p != STOP) p.done().completeExceptionally(new IllegalStateException("server stopping"));
    }
}
