package netwarden.ship.receive;

import java.util.List;
import netwarden.ship.format.ShipBatch;

/**
 * Where a server keeps shipped rows and, per (agent, epoch), the high-water mark: the highest
 * sequence stored. {@link #storeIfNew} writes the rows, the mark and any gap in one transaction,
 * so a batch retried after a lost answer or a crash is never stored twice.
 */
public interface AgentLedger {
    /** Stores {@code batch} unless it was stored before. Safe to call from several threads. */
    StoreResult storeIfNew(ShipBatch batch) throws LedgerException;

    /** The mark of {@code agentId}'s {@code epoch}; 0 when none was stored. */
    long highWaterMark(String agentId, long epoch) throws LedgerException;

    /** Sequence ranges lost for {@code agentId}, oldest first. */
    List<GapRecord> gaps(String agentId) throws LedgerException;

    /** A lost stretch of one agent's batches: {@code from..to} of {@code epoch}, with the rows and bytes the agent said it evicted (0 when it did not say). */
    record GapRecord(String agentId, long epoch, long from, long to, long rows, long bytes) {}
}
