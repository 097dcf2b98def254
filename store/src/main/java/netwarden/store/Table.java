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
    ROUTER_CONNECTIONS("router_connections", "last_seen_ms", 1000),
    ROUTER_DNS("router_dns", "ts_ms", 1000),
    ROUTER_FIREWALL("router_firewall", "ts_ms", 1000),
    DEVICES("devices", "last_seen_ms", 1000),
    ANOMALIES("anomalies", "ts_ms", 1000),
    FLOW_MINUTES("flow_minutes", "ts", 1);

    /** SQL name, also the {@code table} label of the store metrics. */
    public final String sql;
    /** Column retention compares, or null when rows go with their incident. */
    public final String timeColumn;
    /** Units of {@link #timeColumn} per second. */
    public final long perSecond;

    /** The table's key in the config ({@code store.retention.rollup-1s}). */
    public String key() {
        return sql.replace('_', '-');
    }

    /** The table a config key names, or null. */
    public static Table ofKey(String key) {
        for (Table t : values()) if (t.key().equals(key)) return t;
        return null;
    }

    Table(String sql, String timeColumn, long perSecond) {
        this.sql = sql;
        this.timeColumn = timeColumn;
        this.perSecond = perSecond;
    }
}
