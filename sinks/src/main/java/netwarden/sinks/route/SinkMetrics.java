package netwarden.sinks.route;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * The one metric family of every {@link SinkWorker}, read at scrape time, labelled {@code sink}:
 * {@code netwarden_sink_dropped_total} (queue full, offered while closing, or still queued at
 * shutdown), {@code netwarden_sink_queue_depth} (waiting now), {@code netwarden_sink_delivered_total}
 * and {@code netwarden_sink_failed_total} (items in batches the sink threw on).
 */
public final class SinkMetrics {
    private final List<SinkWorker<?>> workers = new CopyOnWriteArrayList<>();

    /** Adds the four families to {@code registry}; call once. */
    public SinkMetrics register(PrometheusRegistry registry) {
        counter(registry, "netwarden_sink_dropped_total",
                "Items a sink never got: its queue was full, it was shutting down, or they were still queued at shutdown.", SinkWorker::dropped);
        counter(registry, "netwarden_sink_delivered_total", "Items handed to a sink that took them without an error.", SinkWorker::delivered);
        counter(registry, "netwarden_sink_failed_total", "Items in batches a sink failed on (it threw; logged at most once a minute).", SinkWorker::failed);
        GaugeWithCallback.builder().name("netwarden_sink_queue_depth").help("Items waiting in a sink's queue.").labelNames("sink")
                .callback(cb -> workers.forEach(w -> cb.call(w.depth(), w.name()))).register(registry);
        return this;
    }

    /** Reports {@code worker} from now on. @throws IllegalArgumentException when a worker of that name is tracked already */
    public void track(SinkWorker<?> worker) {
        synchronized (workers) {
            if (workers.stream().anyMatch(w -> w.name().equals(worker.name())))
                throw new IllegalArgumentException("a sink named " + worker.name() + " is tracked already");
            workers.add(worker);
        }
    }

    public void trackAll(Collection<? extends SinkWorker<?>> all) {
        all.forEach(this::track);
    }

    private void counter(PrometheusRegistry registry, String name, String help, ToLongFunction<SinkWorker<?>> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("sink")
                .callback(cb -> workers.forEach(w -> cb.call(value.applyAsLong(w), w.name()))).register(registry);
    }
}
