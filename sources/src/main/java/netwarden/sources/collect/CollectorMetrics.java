package netwarden.sources.collect;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The {@code netwarden_flow_*} and {@code netwarden_sflow_*} metrics, read from the collector's
 * counters at scrape time. Per exporter: datagrams, malformed datagrams, records, bytes and packets
 * (sampling applied), templates received and withdrawn, records of unknown sampling, records dropped
 * and held sets given up; per exporter interface and direction the same traffic; per listener the
 * datagrams received, dropped on a full decode queue, misdirected, and dropped by the kernel (read
 * from /proc/net/udp and udp6 at scrape); sFlow counter samples as interface bit rates and
 * utilisation.
 */
public final class CollectorMetrics {
    private CollectorMetrics() {}

    public static void register(PrometheusRegistry registry, FlowCollector collector) {
        CollectorCounters c = collector.counters();
        exporter(registry, c, "netwarden_flow_datagrams_total", "Flow-export datagrams received, by exporter.", s -> s.datagrams);
        exporter(registry, c, "netwarden_flow_malformed_datagrams_total", "Flow-export datagrams that could not be decoded (counted, then skipped).", s -> s.malformed);
        exporter(registry, c, "netwarden_flow_records_total", "Flow records handed to the engine, by exporter.", s -> s.records);
        exporter(registry, c, "netwarden_flow_bytes_total", "Bytes of the flow records handed to the engine, sampling rate applied.", s -> s.bytes);
        exporter(registry, c, "netwarden_flow_packets_total", "Packets of the flow records handed to the engine, sampling rate applied.", s -> s.packets);
        exporter(registry, c, "netwarden_flow_templates_total", "Templates and options templates received (a resent one counts again).", s -> s.templates);
        exporter(registry, c, "netwarden_flow_templates_withdrawn_total", "Templates withdrawn by their exporter.", s -> s.withdrawn);
        exporter(registry, c, "netwarden_flow_sampling_unknown_total",
                "Flow records whose sampling rate is unknown (handled as flows.default-sampling says).", s -> s.samplingUnknown);
        exporter(registry, c, "netwarden_flow_records_retimed_total",
                "Flow records ending further ahead of their receive time than collect.max-clock-skew, re-timed to it.", s -> s.retimed);
        exporter(registry, c, "netwarden_flow_held_sets_dropped_total", "Data sets that waited for a template that never came.", s -> s.heldDropped);
        registry.register(CounterWithCallback.builder().name("netwarden_flow_records_dropped_total")
                .help("Flow records not handed to the engine: no-sampling (rate unknown, flows.default-sampling is drop), incomplete "
                        + "(no addresses or protocol), pipeline (queue full).")
                .labelNames("exporter", "reason")
                .callback(cb -> {
                    c.exporters.forEach((e, s) -> cb.call(s.dropped.sum(), e, "no-sampling"));
                    cb.call(c.incomplete.sum(), "", "incomplete");
                    cb.call(c.pipelineDrops.sum(), "", "pipeline");
                }).build());
        iface(registry, c, "netwarden_flow_interface_records_total", "Flow records by exporter interface (SNMP index) and direction.", s -> s.records);
        iface(registry, c, "netwarden_flow_interface_bytes_total", "Bytes by exporter interface and direction, sampling rate applied.", s -> s.bytes);
        iface(registry, c, "netwarden_flow_interface_packets_total", "Packets by exporter interface and direction, sampling rate applied.", s -> s.packets);
        registry.register(GaugeWithCallback.builder().name("netwarden_flow_templates_cached")
                .help("Templates the decoder knows now, all exporters.").callback(cb -> cb.call(collector.templatesCached())).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_flow_queue_datagrams")
                .help("Datagrams received and waiting to be decoded.").callback(cb -> cb.call(collector.queued())).build());
        listeners(registry, collector);
        sflow(registry, collector.utilisation());
    }

    private static void listeners(PrometheusRegistry registry, FlowCollector collector) {
        registry.register(CounterWithCallback.builder().name("netwarden_flow_listener_datagrams_total")
                .help("Datagrams read from the collector's socket.").labelNames("listener", "kind")
                .callback(cb -> collector.receivers().forEach(r -> cb.call(r.received.sum(), r.listener.label(), r.listener.kind().key()))).build());
        registry.register(CounterWithCallback.builder().name("netwarden_flow_listener_drops_total")
                .help("Datagrams lost before decoding: queue (the decode queue was full), kernel (the socket buffer was full, "
                        + "from /proc/net/udp drops), misdirected (sFlow on a NetFlow port or the reverse).")
                .labelNames("listener", "reason")
                .callback(cb -> collector.receivers().forEach(r -> {
                    cb.call(r.queueDrops.sum(), r.listener.label(), "queue");
                    long kernel = r.port() > 0 ? KernelUdp.drops(r.port()) : -1;
                    if (kernel >= 0) cb.call(kernel, r.listener.label(), "kernel");
                    LongAdder m = collector.counters().misdirected.get(r.listener.label());
                    cb.call(m == null ? 0 : m.sum(), r.listener.label(), "misdirected");
                })).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_flow_listener_receive_buffer_bytes")
                .help("SO_RCVBUF the kernel granted the collector's socket (capped by net.core.rmem_max).").labelNames("listener")
                .callback(cb -> collector.receivers().forEach(r -> cb.call(r.bufferBytes(), r.listener.label()))).build());
    }

    private static void sflow(PrometheusRegistry registry, InterfaceUtilisation u) {
        registry.register(GaugeWithCallback.builder().name("netwarden_sflow_interface_bits_per_second")
                .help("Interface rate from two sFlow counter samples (ifInOctets/ifOutOctets), by agent, ifIndex and direction.")
                .labelNames("agent", "interface", "direction")
                .callback(cb -> u.interfaces.forEach((k, s) -> {
                    if (s.inBps() >= 0) cb.call(s.inBps(), k.agent(), Long.toString(k.ifIndex()), "in");
                    if (s.outBps() >= 0) cb.call(s.outBps(), k.agent(), Long.toString(k.ifIndex()), "out");
                })).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_sflow_interface_utilisation_ratio")
                .help("Interface rate over its ifSpeed, from sFlow counter samples.")
                .labelNames("agent", "interface", "direction")
                .callback(cb -> u.interfaces.forEach((k, s) -> {
                    if (s.ratio(s.inBps()) >= 0) cb.call(s.ratio(s.inBps()), k.agent(), Long.toString(k.ifIndex()), "in");
                    if (s.ratio(s.outBps()) >= 0) cb.call(s.ratio(s.outBps()), k.agent(), Long.toString(k.ifIndex()), "out");
                })).build());
        registry.register(CounterWithCallback.builder().name("netwarden_sflow_interface_octets_total")
                .help("ifInOctets/ifOutOctets as the sFlow agent last reported them.")
                .labelNames("agent", "interface", "direction")
                .callback(cb -> u.interfaces.forEach((k, s) -> {
                    cb.call(s.inOctets(), k.agent(), Long.toString(k.ifIndex()), "in");
                    cb.call(s.outOctets(), k.agent(), Long.toString(k.ifIndex()), "out");
                })).build());
    }

    private static void exporter(PrometheusRegistry registry, CollectorCounters c, String name, String help, Function<ExporterStats, LongAdder> f) {
        registry.register(CounterWithCallback.builder().name(name).help(help).labelNames("exporter")
                .callback(cb -> each(c.exporters, (e, s) -> cb.call(f.apply(s).sum(), e))).build());
    }

    private static void iface(PrometheusRegistry registry, CollectorCounters c, String name, String help, Function<ExporterStats, LongAdder> f) {
        registry.register(CounterWithCallback.builder().name(name).help(help).labelNames("exporter", "interface", "direction")
                .callback(cb -> each(c.interfaces, (k, s) -> cb.call(f.apply(s).sum(), k.exporter(),
                        k.ifIndex() < 0 ? CollectorCounters.OTHER : Long.toString(k.ifIndex()), k.direction()))).build());
    }

    private static <K> void each(Map<K, ExporterStats> m, java.util.function.BiConsumer<K, ExporterStats> f) {
        m.forEach(f);
    }
}
