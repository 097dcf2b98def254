package netwarden.sources.router;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * The {@code netwarden_router_*} metrics, read from each source's {@link RouterCounters} at scrape
 * time: {@code _events_total{source,kind}}, {@code _bytes_total{source}},
 * {@code _overruns_total{source}}, {@code _resyncs_total{source}},
 * {@code _parse_errors_total{source,reason}}.
 */
public final class RouterMetrics {
    private RouterMetrics() {}

    /** Registers the metrics for {@code counters} on {@code registry}; call once per registry. */
    public static void register(PrometheusRegistry registry, List<RouterCounters> counters) {
        List<RouterCounters> all = List.copyOf(counters);
        registry.register(CounterWithCallback.builder().name("netwarden_router_events_total")
                .help("Router events by source (conntrack, nflog, dnsmasq) and kind (new, update, destroy, resync, drop, accept, query, answer...).")
                .labelNames("source", "kind")
                .callback(cb -> all.forEach(c -> c.events().forEach((k, n) -> cb.call(n, c.source(), k)))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_bytes_total")
                .help("Bytes reported by the source: conntrack counters of destroyed connections (both directions), NFLOG payload bytes.")
                .labelNames("source")
                .callback(cb -> all.forEach(c -> cb.call(c.bytes(), c.source()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_overruns_total")
                .help("Netlink receive-buffer overruns (ENOBUFS): the kernel dropped events.")
                .labelNames("source")
                .callback(cb -> all.forEach(c -> cb.call(c.overruns(), c.source()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_resyncs_total")
                .help("Full conntrack table re-syncs by dump after an overrun.")
                .labelNames("source")
                .callback(cb -> all.forEach(c -> cb.call(c.resyncs(), c.source()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_parse_errors_total")
                .help("Messages or log lines the source could not parse, by reason.")
                .labelNames("source", "reason")
                .callback(cb -> all.forEach(c -> c.parseErrors().forEach((r, n) -> cb.call(n, c.source(), r)))).build());
    }
}
