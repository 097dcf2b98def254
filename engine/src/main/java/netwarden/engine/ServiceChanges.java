package netwarden.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import netwarden.model.ServiceSpec;

/**
 * Services added, renamed and removed while the engine runs.
 *
 * <p>Design notes: any thread may ask ({@link Engine#addService} and friends); the request goes on a
 * lock-free queue and the pipeline thread applies every queued change when a second closes, after
 * the closed second's windows are rolled and before the snapshot is published. So a snapshot never
 * shows half a change, and the second a change is applied in counts wholly under the new set. The
 * futures complete on the pipeline thread: callers should wait on them or chain with the
 * {@code *Async} methods, never run work on that thread.
 */
final class ServiceChanges {
    /** One queued change; applied by {@link Engine} on its own thread. */
    sealed interface Change {
        CompletableFuture<Void> done();
    }

    record Add(ServiceSpec spec, CompletableFuture<Void> done) implements Change {}

    record Rename(String id, String newName, CompletableFuture<Void> done) implements Change {}

    record Remove(String id, CompletableFuture<Void> done) implements Change {}

    /** Applies one change on the pipeline thread; throws IllegalArgumentException when it cannot be made. */
    interface Applier {
        void apply(Change change);
    }

    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();

    CompletableFuture<Void> offer(java.util.function.Function<CompletableFuture<Void>, Change> change) {
        var done = new CompletableFuture<Void>();
        queue.add(change.apply(done));
        return done;
    }

    /** Applies every queued change in order; a change that fails completes its future with the error and the rest go on. */
    void drain(Applier applier) {
        for (Change c; (c = queue.poll()) != null; ) {
            try {
                applier.apply(c);
                c.done().complete(null);
            } catch (RuntimeException e) {
                c.done().completeExceptionally(e);
            }
        }
    }

    /** The promoted endpoint whose service id is {@code id}, or null. */
    static Endpoint service(List<Endpoint> all, String id) {
        for (Endpoint e : all) if (e.promoted && e.serviceId.equals(id)) return e;
        return null;
    }

    /** Fails when a service already goes by {@code name}, as name or id. */
    static void requireFreeName(List<Endpoint> all, String name) {
        for (Endpoint e : all)
            if (e.promoted && (name.equals(e.serviceId) || name.equals(e.name)))
                throw new IllegalArgumentException("a service is already named " + name);
    }
}
