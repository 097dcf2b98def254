package netwarden.ship.spool;

import java.util.concurrent.atomic.LongAdder;

/** What a {@link Spool} counted; read at scrape time by {@code ShipMetrics}. */
public final class SpoolStats {
    final LongAdder appendedRows = new LongAdder(), appendedBatches = new LongAdder(), syncs = new LongAdder();
    final LongAdder evictedRows = new LongAdder(), evictedBytes = new LongAdder(), evictedBatches = new LongAdder();
    final LongAdder truncatedBytes = new LongAdder(), ackedBatches = new LongAdder(), failures = new LongAdder();
    volatile long bytes;

    public long appendedRows() { return appendedRows.sum(); }
    public long appendedBatches() { return appendedBatches.sum(); }
    public long syncs() { return syncs.sum(); }
    public long evictedRows() { return evictedRows.sum(); }
    public long evictedBytes() { return evictedBytes.sum(); }
    public long evictedBatches() { return evictedBatches.sum(); }
    /** Bytes cut from segment tails at recovery (a record torn by a crash). */
    public long truncatedBytes() { return truncatedBytes.sum(); }
    public long ackedBatches() { return ackedBatches.sum(); }
    /** Appends, syncs or deletes that failed with an I/O error. */
    public long failures() { return failures.sum(); }
    /** Bytes in segments now. */
    public long bytes() { return bytes; }
}
