package netwarden.store;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Where and how long history is kept (the {@code store} section; keys relative to it in the errors).
 *
 * @param url        "" for the embedded DuckDB file {@code netwarden.duckdb} in the state dir,
 *                   {@code duckdb:/path/file.duckdb}, or {@code postgresql://user:password@host:port/db}
 * @param retention  how long each table keeps rows; tables without an entry keep them forever
 * @param queueRows  rows the writer holds while the database is slow or down; more are dropped and counted
 * @param topSources sources kept per service and minute in the search summaries (the rest sum into "others")
 * @param batchRows  most rows the writer merges into one write (one transaction)
 */
public record StoreConfig(String url, Map<Table, Duration> retention, int queueRows, int topSources, int batchRows) {
    public static final int DEFAULT_QUEUE_ROWS = 1_000_000, DEFAULT_TOP_SOURCES = 20, DEFAULT_BATCH_ROWS = 200_000;

    public StoreConfig {
        Objects.requireNonNull(url, "store.url must not be null");
        if (!url.isEmpty() && !url.startsWith("duckdb:") && !url.startsWith("postgresql://"))
            throw new SettingException("url", url, "store.url must be empty (the embedded store), duckdb:FILE or postgresql://…: " + url);
        if (url.startsWith("postgresql://")) {
            try {
                Stores.postgres(url); // inert: only parses the URL
            } catch (IllegalArgumentException e) {
                throw new SettingException("url", null, e.getMessage());
            }
        }
        retention = Map.copyOf(retention);
        retention.forEach((t, d) -> {
            if (d.isNegative() || d.isZero())
                throw new SettingException("retention." + t.key(), d, "store.retention." + t.key() + " must be positive: " + d);
            if (t.timeColumn == null)
                throw new SettingException("retention." + t.key(), d, "store.retention." + t.key() + ": its rows go with their incident");
        });
        if (queueRows < 1_000 || queueRows > 100_000_000)
            throw new SettingException("queue-rows", queueRows, "store.queue-rows must be 1000..100000000: " + queueRows);
        if (topSources < 1 || topSources > 10_000)
            throw new SettingException("top-sources", topSources, "store.top-sources must be 1..10000: " + topSources);
        if (batchRows < 100 || batchRows > queueRows)
            throw new SettingException("batch-rows", batchRows, "store.batch-rows must be 100..queue-rows (" + queueRows + "): " + batchRows);
    }

    /** With the default batch size (capped by the queue). */
    public StoreConfig(String url, Map<Table, Duration> retention, int queueRows, int topSources) {
        this(url, retention, queueRows, topSources, Math.min(DEFAULT_BATCH_ROWS, queueRows));
    }

    /**
     * 1 s rollups for an hour, 1 min for 30 days, 1 h for a year; summaries 30 days; events, sessions, incidents a year;
     * router connections, DNS and firewall records 30 days, anomalies and devices (not seen since) a year.
     */
    public static StoreConfig defaults() {
        return new StoreConfig("", defaultRetention(), DEFAULT_QUEUE_ROWS, DEFAULT_TOP_SOURCES, DEFAULT_BATCH_ROWS);
    }

    public static Map<Table, Duration> defaultRetention() {
        Map<Table, Duration> r = new EnumMap<>(Table.class);
        r.put(Table.ROLLUP_1S, Duration.ofHours(1));
        r.put(Table.ROLLUP_1M, Duration.ofDays(30));
        r.put(Table.ROLLUP_1H, Duration.ofDays(365));
        r.put(Table.SOURCE_MINUTES, Duration.ofDays(30));
        r.put(Table.FLOW_MINUTES, Duration.ofDays(7));
        r.put(Table.EVENTS, Duration.ofDays(365));
        r.put(Table.SESSIONS, Duration.ofDays(365));
        r.put(Table.INCIDENTS, Duration.ofDays(365));
        r.put(Table.ROUTER_CONNECTIONS, Duration.ofDays(30));
        r.put(Table.ROUTER_DNS, Duration.ofDays(30));
        r.put(Table.ROUTER_FIREWALL, Duration.ofDays(30));
        r.put(Table.ANOMALIES, Duration.ofDays(365));
        r.put(Table.DEVICES, Duration.ofDays(365));
        return r;
    }

    /** Keeps every row: for a capture replayed into history, whose rows may be older than any retention. */
    public StoreConfig withoutRetention() {
        return new StoreConfig(url, Map.of(), queueRows, topSources, batchRows);
    }

    public StoreConfig withUrl(String newUrl) {
        return new StoreConfig(newUrl, retention, queueRows, topSources, batchRows);
    }

    /** The URL with any password replaced, for logs and the printed config. */
    public String urlWithoutPassword() {
        if (!url.startsWith("postgresql://")) return url;
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', "postgresql://".length());
        return at < 0 || colon < 0 || colon > at ? url : url.substring(0, colon + 1) + "***" + url.substring(at);
    }
}
