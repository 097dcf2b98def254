package netwarden.ship.format;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The unit of shipping: rows from one agent, numbered so a receiver stores each batch once.
 * {@code (agentId, epoch, sequence)} is unique; sequences of an epoch start at 1 and go up by one
 * per batch, so a receiver that holds a high-water mark per (agent, epoch) knows a retried batch
 * (at or below it) from a lost stretch (above it plus one).
 *
 * @param agentId  the agent's name: 1..64 of {@code [A-Za-z0-9._-]}
 * @param epoch    the agent's spool identity (positive); a new spool starts a new epoch
 * @param sequence position in the epoch, from 1
 * @param gap      what the agent evicted just before this batch, or null
 * @param rows     the rows, not empty
 */
public record ShipBatch(String agentId, long epoch, long sequence, Gap gap, List<ShipRow> rows) {
    /** The record format version written; readers refuse others. */
    public static final int VERSION = 1;
    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ShipBatch {
        Objects.requireNonNull(agentId, "agentId");
        if (!validAgentId(agentId)) throw new IllegalArgumentException("agentId must be 1..64 of [A-Za-z0-9._-]: " + agentId);
        if (epoch < 1) throw new IllegalArgumentException("epoch must be positive: " + epoch);
        if (sequence < 1) throw new IllegalArgumentException("sequence must be positive: " + sequence);
        if (gap != null && gap.to() >= sequence)
            throw new IllegalArgumentException("gap must end before sequence " + sequence + ": " + gap.to());
        rows = List.copyOf(rows);
        if (rows.isEmpty()) throw new IllegalArgumentException("rows must not be empty");
    }

    public static boolean validAgentId(String id) {
        return id != null && AGENT.matcher(id).matches();
    }

    public ShipBatch withGap(Gap g) {
        return new ShipBatch(agentId, epoch, sequence, g, rows);
    }
}
