package netwarden.ship.format;

/**
 * Batches an agent lost before shipping them (its spool was full and evicted them): sequences
 * {@code from..to} inclusive of the batch's epoch, with the rows and bytes they held.
 */
public record Gap(long from, long to, long rows, long bytes) {
    public Gap {
        if (from < 1 || to < from) throw new IllegalArgumentException("gap must be 1 <= from <= to: " + from + ".." + to);
        if (rows < 0 || bytes < 0) throw new IllegalArgumentException("gap rows and bytes must be >= 0: " + rows + ", " + bytes);
    }
}
