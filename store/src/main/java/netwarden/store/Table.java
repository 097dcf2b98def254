package netwarden.store;

/** The store's tables, with the column retention purges by and its unit. */
public enum Table {
    EVENTS("events", "ts_ms", 1000),
    SESSIONS("sessions", "last_seen_ms", 1000),
    INCIDENTS("incidents", "start_ms", 1000),
    INCIDENT_SOURCES("incident_sources", null, 0),
    INCIDENT_PORTS("incident_ports", null, 0),
    INCIDENT_NOTES("incident_notes", null, 0),
    ROLLUP_1S("rollup_1s", "ts", 1),
    ROLLUP_1M("rollup_1m", "ts", 1),
    ROLLUP_1H("rollup_1h", "ts", 1),
    SOURCE_MINUTES("source_minutes", "ts", 1),
    FLOW_MINUTES("flow_minutes", "ts", 1);

    /** SQL name, also the {@code table} label of the store metrics. */
    public final String sql;
    /** Column retention compares, or null when rows go with their incident. */
    public final String timeColumn;
    /** Units of {@link #timeColumn} per second. */
    public final long perSecond;

    Table(String sql, String timeColumn, long perSecond) {
        this.sql = sql;
        this.timeColumn = timeColumn;
        this.perSecond = perSecond;
    }
}
