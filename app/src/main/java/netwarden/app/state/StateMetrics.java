package netwarden.app.state;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import netwarden.sinks.incidents.IncidentArchive;

/**
 * Counters of what the runtime keeps on disk: {@code netwarden_incident_archive_written_total},
 * {@code _failed_total} (write errors; queue drops are {@code netwarden_sink_dropped_total{sink="incident_archive"}}), and
 * {@code netwarden_baseline_saves_total} / {@code netwarden_baseline_save_failures_total}.
 */
public final class StateMetrics {
    private StateMetrics() {}

    /** @param keeper null when baselines are not kept (detection or baselines off) */
    public static void register(PrometheusRegistry registry, IncidentArchive archive, BaselineKeeper keeper) {
        counter(registry, "netwarden_incident_archive_written_total", "Incident records written to the incidents directory.", archive::written);
        counter(registry, "netwarden_incident_archive_failed_total", "Incident records that could not be written (I/O errors).", archive::failed);
        if (keeper == null) return;
        counter(registry, "netwarden_baseline_saves_total", "Saves of the learned detection baselines to the state directory.", keeper::saves);
        counter(registry, "netwarden_baseline_save_failures_total", "Failed saves of the learned detection baselines.", keeper::failures);
    }

    private static void counter(PrometheusRegistry registry, String name, String help, java.util.function.LongSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsLong())).register(registry);
    }
}
