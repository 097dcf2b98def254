package netwarden.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import netwarden.engine.detect.Detector;
import netwarden.engine.flow.FlowTable;
import netwarden.model.ServiceSpec;

/**
 * Services added, renamed and removed while the engine runs.
 *
 * <p>Design notes: any thread may ask ({@link Engine#addService} and friends); the request goes on a
 * lock-free queue and the pipeline thread applies every queued change when a second closes, after
 * the closed second's windows are rolled and before the snapshot is published. So a snapshot never
 * shows half a change, and the second a change is applied in counts wholly under the new set. The
 * futures complete on the pipeline thread: callers should wait on them or chain with the
 * {@code *Async} methods, never run work on that thread. Discovery stays as configured at start.
 */
final class ServiceChanges {
    /** One queued change. */
    sealed interface Change {
        CompletableFuture<Void> done();
    }

    record Add(ServiceSpec spec, CompletableFuture<Void> done) implements Change {}

    record Rename(String id, String newName, CompletableFuture<Void> done) implements Change {}

    record Remove(String id, CompletableFuture<Void> done) implements Change {}

    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
    private final WindowConfig windows;
    private final EndpointTable endpoints;
    private final FlowTable flows;
    private final Detector detector;
    private final BiConsumer<Endpoint, String> promote;

    /** @param promote makes an endpoint a service with the given id (the engine's own promotion) */
    ServiceChanges(WindowConfig windows, EndpointTable endpoints, FlowTable flows, Detector detector, BiConsumer<Endpoint, String> promote) {
        this.windows = windows;
        this.endpoints = endpoints;
        this.flows = flows;
        this.detector = detector;
        this.promote = promote;
    }

    /** Queues a change; any thread. */
    CompletableFuture<Void> offer(Function<CompletableFuture<Void>, Change> change) {
        var done = new CompletableFuture<Void>();
        queue.add(change.apply(done));
        return done;
    }

    /** Applies every queued change in order; one that cannot be made fails its future and the rest go on. Pipeline thread. */
    void drain(long nowNanos) {
        for (Change c; (c = queue.poll()) != null; ) {
            try {
                apply(c, nowNanos);
                c.done().complete(null);
            } catch (RuntimeException e) {
                c.done().completeExceptionally(e);
            }
        }
    }

    private void apply(Change change, long nowNanos) {
        switch (change) {
            case Add(ServiceSpec spec, var done) -> add(spec);
            case Rename(String id, String newName, var done) -> {
                Endpoint e = service(id);
                new ServiceSpec(newName, e.key, null); // the same rules as a configured name
                if (!newName.equals(e.serviceId)) requireFreeName(newName);
                e.name = newName;
                rename(e, newName);
            }
            case Remove(String id, var done) -> {
                Endpoint e = service(id);
                detector.removeServiceScope(e.scope, nowNanos);
                flows.removeOwnedBy(e);
                endpoints.removeIf(x -> x == e);
            }
        }
    }

    private void add(ServiceSpec spec) {
        requireFreeName(spec.name());
        var a = spec.key().address();
        Endpoint e = endpoints.get(a.hi(), a.lo(), spec.key().proto(), spec.key().port());
        if (e != null && e.configured) throw new IllegalArgumentException(spec.key() + " is already the service " + e.name);
        if (e == null) {
            e = new Endpoint(endpoints.nextId(), spec.key(), spec.name(), spec.connect(), true, windows);
            endpoints.add(e);
        }
        e.name = spec.name();
        e.connect = spec.connect();
        e.configured = true;
        if (!e.promoted) promote.accept(e, spec.name()); // a candidate keeps the traffic counted so far
        else rename(e, spec.name());
    }

    private void rename(Endpoint e, String serviceId) {
        e.serviceId = serviceId;
        detector.renameServiceScope(e.scope, serviceId);
    }

    /** The service whose id is {@code id}; fails when there is none. */
    private Endpoint service(String id) {
        for (Endpoint e : endpoints.all()) if (e.promoted && e.serviceId.equals(id)) return e;
        throw new IllegalArgumentException("no service " + id);
    }

    /** Fails when a service already goes by {@code name}, as name or id. */
    private void requireFreeName(String name) {
        for (Endpoint e : endpoints.all())
            if (e.promoted && (name.equals(e.serviceId) || name.equals(e.name)))
                throw new IllegalArgumentException("a service is already named " + name);
    }
}
