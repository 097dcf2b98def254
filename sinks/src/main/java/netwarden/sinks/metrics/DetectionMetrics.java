package netwarden.sinks.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;

/**
 * Attack detection metrics: {@code netwarden_attacks_started_total{kind}},
 * {@code netwarden_attack_active{scope,target,kind,severity}} (1 while an incident is open, with
 * netwarden's own severity, which the shipped Prometheus rule passes on; the series is absent
 * otherwise), {@code netwarden_attack_pps{scope,target}}, {@code netwarden_attack_bps{scope,target}}
 * (current rate of open incidents), {@code netwarden_detector_evaluations_total},
 * {@code netwarden_detector_evaluation_seconds_total} (CPU time spent evaluating),
 * {@code netwarden_detection_hosts_tracked}, {@code netwarden_detection_untracked_host_packets_total} and
 * {@code netwarden_detection_frozen_source_packets_total}.
 */
final class DetectionMetrics {
    private DetectionMetrics() {}

    static void register(PrometheusRegistry registry, Supplier<EngineSnapshot> latest) {
        CounterWithCallback.builder().name(NetwardenMetrics.PREFIX + "attacks_started_total")
                .help("Attacks (incidents) started, by classification.").labelNames("kind")
                .callback(cb -> latest.get().detection().attacksStartedByKind().forEach((kind, n) -> cb.call(n, kind)))
                .register(registry);
        GaugeWithCallback.builder().name(NetwardenMetrics.PREFIX + "attack_active")
                .help("1 for each attack in progress, by scope (service, host, network, spray), target, kind and netwarden's severity.")
                .labelNames("scope", "target", "kind", "severity")
                .callback(cb -> latest.get().activeIncidents().forEach(i ->
                        cb.call(1, i.scope().label(), i.target(), i.kind().label(), i.severity().label())))
                .register(registry);
        activeRate(registry, latest, "attack_pps", "Current packet rate of each attack in progress.", true);
        activeRate(registry, latest, "attack_bps", "Current bit rate of each attack in progress.", false);
        CounterWithCallback.builder().name(NetwardenMetrics.PREFIX + "detector_evaluations_total")
                .help("Detector evaluations (one per watched scope per 100 ms of traffic time).")
                .callback(cb -> cb.call(latest.get().detection().evaluations())).register(registry);
        CounterWithCallback.builder().name(NetwardenMetrics.PREFIX + "detector_evaluation_seconds_total")
                .help("CPU time spent in detector evaluations.")
                .callback(cb -> cb.call(latest.get().detection().evaluationNanos() / 1e9)).register(registry);
        GaugeWithCallback.builder().name(NetwardenMetrics.PREFIX + "detection_hosts_tracked")
                .help("Destination hosts watched by the detector.")
                .callback(cb -> cb.call(latest.get().detection().hostsTracked())).register(registry);
        CounterWithCallback.builder().name(NetwardenMetrics.PREFIX + "detection_untracked_host_packets_total")
                .help("Packets to hosts the detector could not watch because its host table was full.")
                .callback(cb -> cb.call(latest.get().detection().hostsUntracked())).register(registry);
        CounterWithCallback.builder().name(NetwardenMetrics.PREFIX + "detection_frozen_source_packets_total")
                .help("Packets from sources first seen while their service was under attack (counted, not given a flow entry).")
                .callback(cb -> cb.call(latest.get().detection().frozenSourcePackets())).register(registry);
    }

    private static void activeRate(PrometheusRegistry registry, Supplier<EngineSnapshot> latest, String name, String help, boolean pps) {
        GaugeWithCallback.builder().name(NetwardenMetrics.PREFIX + name).help(help).labelNames("scope", "target")
                .callback(cb -> {
                    for (Incident i : latest.get().activeIncidents()) cb.call(pps ? i.currentPps() : i.currentBps(), i.scope().label(), i.target());
                })
                .register(registry);
    }
}
