package netwarden.ship.receive;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import netwarden.model.Clock;
import netwarden.ship.format.ShipBatch;
import netwarden.sinks.route.WarnLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of shipping, whatever the transport (HTTPS, Kafka): checks the batch belongs to
 * the agent that sent it and stores it through the {@link AgentLedger}. Counts what it received.
 */
public final class BatchReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(BatchReceiver.class);

    /** A batch whose agent id is not the sender's. */
    public static final class ForeignAgentException extends Exception {
        ForeignAgentException(String message) {
            super(message);
        }
    }

    private final AgentLedger ledger;
    // A spool that evicted raw segments but kept rollups leaves a gap before every rollup batch: one WARN a minute.
    private final WarnLimiter gapWarn = new WarnLimiter(LOG, Clock.SYSTEM, WarnLimiter.MINUTE_NANOS);
    final LongAdder storedBatches = new LongAdder(), storedRows = new LongAdder(), duplicates = new LongAdder();
    final LongAdder gaps = new LongAdder(), failures = new LongAdder(), refused = new LongAdder();

    public BatchReceiver(AgentLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * Stores {@code batch} sent by {@code sender} (the authenticated agent id; null for a transport
     * that authenticates at another layer, such as Kafka's ACLs).
     */
    public StoreResult receive(String sender, ShipBatch batch) throws LedgerException, ForeignAgentException {
        if (sender != null && !sender.equals(batch.agentId())) {
            refused.increment();
            throw new ForeignAgentException("agent " + sender + " may not write for agent " + batch.agentId());
        }
        StoreResult r;
        try {
            r = ledger.storeIfNew(batch);
        } catch (LedgerException e) {
            failures.increment();
            throw e;
        }
        switch (r) {
            case DUPLICATE -> duplicates.increment();
            case GAP -> {
                gaps.increment();
                gapWarn.log("agent " + batch.agentId() + " epoch " + batch.epoch() + ": batches before " + batch.sequence() + " were lost"
                        + (batch.gap() == null ? "" : " (" + batch.gap().rows() + " rows evicted from its full spool)"));
            }
            case STORED -> {}
        }
        if (r != StoreResult.DUPLICATE) {
            storedBatches.increment();
            storedRows.add(batch.rows().size());
        }
        return r;
    }

    public long storedBatches() { return storedBatches.sum(); }
    public long storedRows() { return storedRows.sum(); }
    public long duplicates() { return duplicates.sum(); }
    public long gaps() { return gaps.sum(); }
    public long failures() { return failures.sum(); }
    public long refused() { return refused.sum(); }
}
