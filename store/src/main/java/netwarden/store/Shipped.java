package netwarden.store;

import java.util.Objects;

/**
 * What a central server keeps about shipped batches (issue 16): the batch with its numbering, the outcome of
 * writing it, each agent's high-water mark and the stretches it lost. {@link Store#writeShipped} writes a batch's
 * rows and moves the mark in one transaction, so a batch retried after a lost answer or a crash is stored once.
 */
public final class Shipped {
    private Shipped() {}

    /**
     * One shipped batch. {@code toldFrom}..(sequence-1) is the stretch the agent says it evicted, with the rows and
     * bytes it held ({@code toldFrom} 0 when it said nothing). The rows' {@code agent} columns must be {@code agent}.
     */
    public record Batch(String agent, long epoch, long sequence, long toldFrom, long toldRows, long toldBytes, Rows.Batch rows) {
        public Batch {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(rows, "rows");
            if (epoch < 1 || sequence < 1) throw new IllegalArgumentException("epoch and sequence must be positive: " + epoch + "/" + sequence);
        }
    }

    /** What writing a batch did. */
    public enum Result {
        /** The next of its (agent, epoch): rows stored, mark moved. */
        STORED,
        /** At or below the mark: stored before, nothing written. */
        DUPLICATE,
        /** Beyond mark + 1: rows stored, mark moved, the sequences between recorded as a gap. */
        GAP
    }

    /** An agent's mark for one epoch, with what it stored in that epoch and when the mark last moved. */
    public record Mark(String agent, long epoch, long hwm, long batches, long rows, long updatedMs) {}

    /** Sequences {@code from..to} of an agent's epoch that never arrived, with what the agent said they held (0 when it did not say). */
    public record Gap(String agent, long epoch, long from, long to, long rowsLost, long bytesLost, long recordedMs) {}
}
