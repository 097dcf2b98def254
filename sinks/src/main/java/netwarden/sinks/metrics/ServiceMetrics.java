package netwarden.sinks.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import netwarden.model.EngineSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceSnapshot;
import netwarden.model.Times;
import netwarden.model.WindowStats;

/** Per-service metrics labelled {@code service, proto, port}; see {@link NetwardenMetrics}. */
final class ServiceMetrics {
    private static final String[] LABELS = {"service", "proto", "port"};

    private ServiceMetrics() {}

    static void register(PrometheusRegistry registry, Supplier<EngineSnapshot> latest) {
        counter(registry, latest, "service_packets_total", "Packets sent to the service.",
                ServiceSnapshot::packetsIn);
        counter(registry, latest, "service_bytes_total", "Wire bytes sent to the service.",
                ServiceSnapshot::bytesIn);
        counter(registry, latest, "service_packets_out_total", "Packets sent from the service's port.",
                ServiceSnapshot::packetsOut);
        counter(registry, latest, "service_bytes_out_total", "Wire bytes sent from the service's port.",
                ServiceSnapshot::bytesOut);
        gauge(registry, latest, "service_pps", "Packets to the service in the last closed second.",
                (s, w) -> w == null ? 0 : w.pps());
        gauge(registry, latest, "service_bps", "Bits to the service in the last closed second.",
                (s, w) -> w == null ? 0 : w.bps());
        gauge(registry, latest, "service_sources",
                "Distinct source addresses in the last closed second (estimated above the exact-count limit).",
                (s, w) -> w == null ? 0 : w.distinctSources());
        gauge(registry, latest, "service_players", "Players currently joined.", (s, w) -> s.playersNow());
        gauge(registry, latest, "service_players_peak", "Most players joined at once.", (s, w) -> s.playersPeak());
        gauge(registry, latest, "service_peak_pps", "Highest packets in any closed second.", (s, w) -> s.peakPps());
    }

    /** A per-service value, given the service and its bin for the last closed second (or null). */
    private interface ServiceValue {
        long of(ServiceSnapshot service, WindowStats lastSecond);
    }

    private static void counter(PrometheusRegistry registry, Supplier<EngineSnapshot> latest, String name,
                                String help, ToLongFunction<ServiceSnapshot> value) {
        CounterWithCallback.builder()
                .name(NetwardenMetrics.PREFIX + name)
                .help(help)
                .labelNames(LABELS)
                .callback(cb -> forEachService(latest.get(), (s, w) -> cb.call(value.applyAsLong(s), labels(s))))
                .register(registry);
    }

    private static void gauge(PrometheusRegistry registry, Supplier<EngineSnapshot> latest, String name,
                              String help, ServiceValue value) {
        GaugeWithCallback.builder()
                .name(NetwardenMetrics.PREFIX + name)
                .help(help)
                .labelNames(LABELS)
                .callback(cb -> forEachService(latest.get(), (s, w) -> cb.call(value.of(s, w), labels(s))))
                .register(registry);
    }

    private interface ServiceVisitor {
        void visit(ServiceSnapshot service, WindowStats lastSecond);
    }

    /** Visits each service once (a duplicate id would make the whole scrape fail), with its current bin. */
    private static void forEachService(EngineSnapshot snapshot, ServiceVisitor visitor) {
        Set<String> seen = new HashSet<>();
        long lastClosedSecond = Times.second(snapshot.asOfNanos()) - 1;
        for (ServiceSnapshot s : snapshot.services()) {
            if (!seen.add(s.id())) continue;
            WindowStats w = s.lastWindow();
            // An idle second may leave no bin behind: then the newest bin is old news and the rate is 0.
            visitor.visit(s, w != null && w.startSecond() >= lastClosedSecond ? w : null);
        }
    }

    private static String[] labels(ServiceSnapshot s) {
        return new String[] {s.id(), Proto.name(s.key().proto()), Integer.toString(s.key().port())};
    }
}
