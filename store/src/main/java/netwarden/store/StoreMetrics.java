package netwarden.store;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/**
 * What the store writer moved and lost: {@code netwarden_store_rows_total{table}} (written),
 * {@code netwarden_store_dropped_rows_total{table,reason}} (reason "queue_full", "invalid" or "shutdown"),
 * {@code netwarden_store_errors_total} (failed writes and purges, each retried),
 * {@code netwarden_store_purged_rows_total{table}}, {@code netwarden_store_write_seconds} (one batch) and
 * {@code netwarden_store_queue_rows}.
 */
public final class StoreMetrics {
    final Counter rows = Counter.builder().name("netwarden_store_rows_total")
            .help("Rows written to the store, by table.").labelNames("table").build();
    final Counter dropped = Counter.builder().name("netwarden_store_dropped_rows_total")
            .help("Rows the store writer had to drop: queue_full (store slow or down), invalid, shutdown.")
            .labelNames("table", "reason").build();
    final Counter errors = Counter.builder().name("netwarden_store_errors_total")
            .help("Store writes and purges that failed (retried).").build();
    final Counter purged = Counter.builder().name("netwarden_store_purged_rows_total")
            .help("Rows deleted by retention, by table.").labelNames("table").build();
    final Histogram writeSeconds = Histogram.builder().name("netwarden_store_write_seconds")
            .help("Time to write one batch to the store.").build();
    private volatile LongSupplier queueRows = () -> 0;

    public void register(PrometheusRegistry registry) {
        registry.register(rows);
        registry.register(dropped);
        registry.register(errors);
        registry.register(purged);
        registry.register(writeSeconds);
        GaugeWithCallback.builder().name("netwarden_store_queue_rows").help("Rows waiting for the store writer.")
                .callback(cb -> cb.call(queueRows.getAsLong())).register(registry);
    }

    void queue(LongSupplier depth) {
        queueRows = depth;
    }

    void written(Rows.Batch b) {
        for (Table t : Table.values()) if (b.rows(t) > 0) rows.labelValues(t.sql).inc(b.rows(t));
    }

    void dropped(Rows.Batch b, String reason) {
        for (Table t : Table.values()) if (b.rows(t) > 0) dropped.labelValues(t.sql, reason).inc(b.rows(t));
    }

    public long rows(Table t) {
        return (long) rows.labelValues(t.sql).get();
    }

    public long dropped(Table t, String reason) {
        return (long) dropped.labelValues(t.sql, reason).get();
    }

    public long errors() {
        return (long) errors.get();
    }

    public long purged(Table t) {
        return (long) purged.labelValues(t.sql).get();
    }
}
