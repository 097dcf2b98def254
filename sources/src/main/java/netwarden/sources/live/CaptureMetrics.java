package netwarden.sources.live;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code netwarden_capture_*} metrics of live sources, read from their {@link CaptureCounters}
 * at scrape time (nothing is incremented per packet on a registry):
 * {@code netwarden_capture_packets_total{source,interface}}, {@code _bytes_total},
 * {@code _drops_total{source,interface,reason}}, {@code _evictions_total},
 * {@code netwarden_capture_map_fill_ratio} (eBPF flow map entries over its size, last second) and
 * {@code netwarden_capture_read_cycle_seconds} (summary: count and total time of eBPF and proc read
 * cycles).
 */
public final class CaptureMetrics {
    private CaptureMetrics() {}

    /** Registers the metrics for {@code sources} on {@code registry}; call once per registry. */
    public static void register(PrometheusRegistry registry, List<? extends LiveSource> sources) {
        List<CaptureCounters> all = sources.stream().flatMap(s -> s.counters().stream()).toList();
        registry.register(CounterWithCallback.builder().name("netwarden_capture_packets_total")
                .help("Packets seen by the live capture source (pcap: delivered by libpcap; ebpf: counted in the kernel; proc: /proc/net/dev rx+tx).")
                .labelNames("source", "interface")
                .callback(cb -> each(all, c -> cb.call(c.packets(), c.source(), c.iface()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_capture_bytes_total")
                .help("Wire bytes seen by the live capture source.")
                .labelNames("source", "interface")
                .callback(cb -> each(all, c -> cb.call(c.bytes(), c.source(), c.iface()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_capture_drops_total")
                .help("Packets lost before the pipeline, by reason: kernel, interface, handoff, map, unattributed.")
                .labelNames("source", "interface", "reason")
                .callback(cb -> each(all, c -> c.drops().forEach((reason, n) -> cb.call(n, c.source(), c.iface(), reason)))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_capture_evictions_total")
                .help("Flows evicted from the eBPF flow map before they were read (their packets still count per port).")
                .labelNames("source", "interface")
                .callback(cb -> each(all, c -> cb.call(c.evictions(), c.source(), c.iface()))).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_capture_map_fill_ratio")
                .help("Entries in the eBPF flow map over its size, for the last second read.")
                .labelNames("source", "interface")
                .callback(cb -> each(all, c -> cb.call(c.mapFill(), c.source(), c.iface()))).build());
        registry.register(SummaryWithCallback.builder().name("netwarden_capture_read_cycle_seconds")
                .help("Time spent reading the kernel maps (ebpf) or /proc tables (proc) per cycle.")
                .labelNames("source", "interface")
                .callback(cb -> each(all, c -> cb.call(c.readCycles(), c.readCycleSeconds(),
                        io.prometheus.metrics.model.snapshots.Quantiles.EMPTY, c.source(), c.iface()))).build());
    }

    private static void each(List<CaptureCounters> all, Consumer<CaptureCounters> f) {
        all.forEach(f);
    }
}
