package netwarden.ship.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * One shipped row: the table it belongs to and its columns as a JSON object. Generic on purpose:
 * the server stores what an agent would have stored locally without the wire format changing
 * whenever a table gains a column (see docs/shipping.md for the tables).
 *
 * @param table one of {@link #TABLES}
 * @param data  the row's columns; not null
 */
public record ShipRow(String table, ObjectNode data) {
    /** The tables a batch may carry; {@code rollups} are kept longest in the agent's spool. */
    public static final Set<String> TABLES = Set.of("events", "incidents", "incident_sources", "incident_ports",
            "sessions", "rollups", "source_summaries", "connections", "flows", "heartbeat");
    public static final String ROLLUPS = "rollups";
    /** A row that only says the agent is alive (its time in {@code ts_ms}); the server keeps no row for it. */
    public static final String HEARTBEAT = "heartbeat";

    public ShipRow {
        Objects.requireNonNull(data, "data");
        if (!TABLES.contains(table)) throw new IllegalArgumentException("table must be one of " + TABLES + ": " + table);
    }

    public boolean isRollup() {
        return ROLLUPS.equals(table);
    }
}
