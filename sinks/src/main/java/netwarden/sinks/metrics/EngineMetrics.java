package netwarden.sinks.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;

/** Engine-wide totals from {@link EngineCounters}; see {@link NetwardenMetrics} for the names. */
final class EngineMetrics {
    private EngineMetrics() {}

    static void register(PrometheusRegistry registry, Supplier<EngineSnapshot> latest) {
        counter(registry, latest, "packets_total", "Frames the engine handled.", EngineCounters::packets);
        counter(registry, latest, "bytes_total", "Wire bytes of the frames the engine handled.",
                EngineCounters::bytes);
        counter(registry, latest, "non_ip_packets_total", "Frames without a readable IP header.",
                EngineCounters::nonIpPackets);
        counter(registry, latest, "late_packets_total",
                "Packets whose timestamp fell before the open 1-second bin (counted into it).",
                EngineCounters::latePackets);
        counter(registry, latest, "flow_evictions_total", "(service, source) entries evicted from the full flow table.",
                EngineCounters::flowEvictions);
        counter(registry, latest, "services_discovered_total", "Services found automatically.",
                EngineCounters::servicesDiscovered);
        counter(registry, latest, "source_sketch_switches_total",
                "1-second bins whose distinct-source count switched from exact to a HyperLogLog sketch.",
                EngineCounters::sketchSwitches);
        counter(registry, latest, "player_joins_total", "Player join events.", EngineCounters::playerJoins);
        counter(registry, latest, "player_leaves_total", "Player leave events.", EngineCounters::playerLeaves);
        counter(registry, latest, "untracked_endpoint_packets_total",
                "Packets to endpoints left untracked because the discovery candidate table was full.",
                EngineCounters::endpointsUntracked);
        gauge(registry, latest, "flow_table_entries", "(service, source) entries currently in the flow table.",
                EngineCounters::flowTableSize);
        gauge(registry, latest, "endpoints_tracked",
                "Destination endpoints currently tracked (services and discovery candidates).",
                EngineCounters::endpointsTracked);
    }

    private static void gauge(PrometheusRegistry registry, Supplier<EngineSnapshot> latest, String name,
                              String help, ToLongFunction<EngineCounters> value) {
        GaugeWithCallback.builder()
                .name(NetwardenMetrics.PREFIX + name)
                .help(help)
                .callback(cb -> cb.call(value.applyAsLong(latest.get().counters())))
                .register(registry);
    }

    private static void counter(PrometheusRegistry registry, Supplier<EngineSnapshot> latest, String name,
                                String help, ToLongFunction<EngineCounters> value) {
        CounterWithCallback.builder()
                .name(NetwardenMetrics.PREFIX + name)
                .help(help)
                .callback(cb -> cb.call(value.applyAsLong(latest.get().counters())))
                .register(registry);
    }
}
