package netwarden.ship.receive;

/** What {@link AgentLedger#storeIfNew} did with a batch. */
public enum StoreResult {
    /** The next batch of its (agent, epoch): rows stored, mark moved. */
    STORED,
    /** At or below the mark: stored before (a retry), nothing written. */
    DUPLICATE,
    /** Beyond mark + 1: rows stored, mark moved, the sequences in between recorded as a gap. */
    GAP
}
