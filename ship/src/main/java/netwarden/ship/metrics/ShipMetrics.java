package netwarden.ship.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;
import netwarden.ship.http.HttpShipper;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.spool.SpoolStats;

/**
 * The shipping families, read at scrape time: the agent's spool and shipper
 * ({@code netwarden_ship_spool_*}, {@code netwarden_ship_sent_*}) and the server's receiver
 * ({@code netwarden_ship_received_*}).
 */
public final class ShipMetrics {
    private ShipMetrics() {}

    /** The agent's families. */
    public static void registerAgent(PrometheusRegistry r, SpoolStats s, HttpShipper shipper) {
        if (shipper == null) registerAgent(r, s, null, null, null);
        else registerAgent(r, s, shipper::shippedBatches, shipper::shippedRows, shipper::retries);
    }

    /** The agent's families with any transport's counters (null suppliers: no sent families). */
    public static void registerAgent(PrometheusRegistry r, SpoolStats s, LongSupplier sentBatches, LongSupplier sentRows, LongSupplier retries) {
        counter(r, "netwarden_ship_spool_appended_rows_total", "Rows appended to the spool.", s::appendedRows);
        counter(r, "netwarden_ship_spool_evicted_total", "Unshipped rows evicted from a full spool (the server records a gap).", s::evictedRows);
        counter(r, "netwarden_ship_spool_evicted_bytes_total", "Unshipped bytes evicted from a full spool.", s::evictedBytes);
        counter(r, "netwarden_ship_spool_truncated_bytes_total", "Bytes of torn records cut from segment tails at start.", s::truncatedBytes);
        counter(r, "netwarden_ship_spool_syncs_total", "Group commits (fsync) of the spool.", s::syncs);
        counter(r, "netwarden_ship_spool_failures_total", "Spool writes or syncs that failed with an I/O error.", s::failures);
        GaugeWithCallback.builder().name("netwarden_ship_spool_bytes").help("Bytes in the spool's segments.")
                .callback(cb -> cb.call(s.bytes())).register(r);
        if (sentBatches != null) {
            counter(r, "netwarden_ship_sent_batches_total", "Batches the server (or Kafka) acknowledged.", sentBatches);
            counter(r, "netwarden_ship_sent_rows_total", "Rows the server (or Kafka) acknowledged.", sentRows);
            counter(r, "netwarden_ship_retries_total", "Failed tries to ship a batch (each retried after a backoff).", retries);
        }
    }

    /** The server's families. */
    public static void registerServer(PrometheusRegistry r, BatchReceiver rx) {
        counter(r, "netwarden_ship_received_batches_total", "Batches stored (new ones, not duplicates).", rx::storedBatches);
        counter(r, "netwarden_ship_received_rows_total", "Rows stored.", rx::storedRows);
        counter(r, "netwarden_ship_received_duplicates_total", "Batches received again (retries) and not stored twice.", rx::duplicates);
        counter(r, "netwarden_ship_received_gaps_total", "Batches that followed lost sequences.", rx::gaps);
        counter(r, "netwarden_ship_received_failures_total", "Batches the ledger failed to store (the sender retries).", rx::failures);
        counter(r, "netwarden_ship_received_refused_total", "Requests refused: unknown, revoked or server credential, foreign agent id, bad batch.", rx::refused);
    }

    /** The store-backed ledger's families. */
    public static void registerLedger(PrometheusRegistry r, netwarden.ship.receive.StoreLedger l) {
        counter(r, "netwarden_ship_received_bad_rows_total", "Shipped rows that did not convert (missing or mistyped columns), left out.", l::badRows);
        counter(r, "netwarden_ship_received_not_kept_rows_total", "Shipped rows of tables the server does not keep (connections, flows).", l::notKeptRows);
        counter(r, "netwarden_ship_ledger_commits_total", "Store transactions of the ledger's group commit (each one or more batches).", l::commits);
    }

    private static void counter(PrometheusRegistry r, String name, String help, LongSupplier v) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(v.getAsLong())).register(r);
    }
}
