package netwarden.store;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how long history is kept.
 *
 * @param url            "" for the embedded DuckDB file {@code netwarden.duckdb} in the state dir,
 *                       {@code duckdb:/path/file.duckdb}, or {@code postgresql://user:password@host:port/db}
 * @param retention      how long each table keeps rows; tables without an entry keep them forever
 * @param queueRows      rows the writer holds while the database is slow or down; more are dropped and counted
 * @param topSources     sources kept per service and minute in the search summaries (the rest sum into "others")
 */
public record StoreConfig(String url, Map<Table, Duration> retention, int queueRows, int topSources) {
    public StoreConfig {
        Objects.requireNonNull(url, "store.url must not be null");
        if (!url.isEmpty() && !url.startsWith("duckdb:") && !url.startsWith("postgresql://"))
            throw new IllegalArgumentException("store.url must be empty, duckdb:FILE or postgresql://…: " + url);
        retention = Map.copyOf(retention);
        retention.forEach((t, d) -> {
            if (d.isNegative() || d.isZero())
                throw new IllegalArgumentException("store.retention." + t.sql + " must be positive: " + d);
            if (t.timeColumn == null)
                throw new IllegalArgumentException("store.retention." + t.sql + ": its rows go with their incident");
        });
        if (queueRows < 1_000) throw new IllegalArgumentException("store.queue-rows must be at least 1000: " + queueRows);
        if (topSources < 1 || topSources > 10_000)
            throw new IllegalArgumentException("store.top-sources must be 1..10000: " + topSources);
    }

    /** 1 s rollups for an hour, 1 min for 30 days, 1 h for a year; summaries 30 days; events, sessions, incidents a year. */
    public static StoreConfig defaults() {
        Map<Table, Duration> r = new EnumMap<>(Table.class);
        r.put(Table.ROLLUP_1S, Duration.ofHours(1));
        r.put(Table.ROLLUP_1M, Duration.ofDays(30));
        r.put(Table.ROLLUP_1H, Duration.ofDays(365));
        r.put(Table.SOURCE_MINUTES, Duration.ofDays(30));
        r.put(Table.FLOW_MINUTES, Duration.ofDays(7));
        r.put(Table.EVENTS, Duration.ofDays(365));
        r.put(Table.SESSIONS, Duration.ofDays(365));
        r.put(Table.INCIDENTS, Duration.ofDays(365));
        return new StoreConfig("", r, 1_000_000, 20);
    }

    public StoreConfig withUrl(String newUrl) {
        return new StoreConfig(newUrl, retention, queueRows, topSources);
    }
}
