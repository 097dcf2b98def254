package netwarden.sinks.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;

/**
 * The netwarden metrics on a Prometheus registry, all read from the latest {@link EngineSnapshot}
 * at scrape time.
 *
 * <p>Design notes: the engine already counts everything in its snapshots, so every metric here is
 * a callback collector (CounterWithCallback / GaugeWithCallback) and nothing is incremented per
 * packet. Each metric reads the supplier on its own, so two metrics in one scrape may come from
 * consecutive snapshots; each value is still exact for its snapshot and counters stay monotonic.
 *
 * <p>Names, all with help text: engine totals {@code netwarden_packets_total, _bytes_total,
 * _non_ip_packets_total, _late_packets_total, _flow_evictions_total, _services_discovered_total,
 * _source_sketch_switches_total, _player_joins_total, _player_leaves_total,
 * _untracked_endpoint_packets_total} and the gauges {@code netwarden_flow_table_entries,
 * _endpoints_tracked}; per service (labels {@code service, proto, port}) the
 * counters {@code netwarden_service_packets_total, _bytes_total, _packets_out_total,
 * _bytes_out_total} and the gauges {@code netwarden_service_pps, _bps, _sources} (last closed
 * second; 0 when the newest bin is older than that), {@code _players, _players_peak, _peak_pps}; detection
 * metrics as listed in {@link DetectionMetrics}.
 *
 * <p>Other components register their own metrics on {@link #registry()}; {@link MetricsExposition}
 * renders everything registered there.
 */
public final class NetwardenMetrics {
    /** Prefix of every metric netwarden defines. */
    public static final String PREFIX = "netwarden_";

    private final PrometheusRegistry registry;

    private NetwardenMetrics(PrometheusRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the engine and per-service metrics, plus the standard JVM and process metrics when
     * {@code jvmMetrics} is true, on {@code registry}.
     *
     * @param snapshots the latest snapshot; called on scrape threads, must be cheap and thread-safe;
     *                  a null answer reads as {@link EngineSnapshot#EMPTY}
     * @throws IllegalStateException if a metric of the same name is already registered
     */
    public static NetwardenMetrics register(PrometheusRegistry registry, Supplier<EngineSnapshot> snapshots,
                                            boolean jvmMetrics) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(snapshots, "snapshots");
        Supplier<EngineSnapshot> latest = () -> {
            EngineSnapshot s = snapshots.get();
            return s == null ? EngineSnapshot.EMPTY : s;
        };
        EngineMetrics.register(registry, latest);
        ServiceMetrics.register(registry, latest);
        DetectionMetrics.register(registry, latest);
        if (jvmMetrics) JvmMetrics.builder().register(registry);
        return new NetwardenMetrics(registry);
    }

    /** The registry holding these metrics; other components add their own counters to it. */
    public PrometheusRegistry registry() {
        return registry;
    }
}
