package netwarden.model.ingest;

import java.util.concurrent.CompletableFuture;
import netwarden.model.ServiceSpec;

/**
 * Services that change while the engine runs (discovery, containers starting and stopping, a
 * central server learning services from agents).
 *
 * <p>Contract: thread-safe; a change is queued and applied on the pipeline thread when the open
 * second closes, so each published snapshot holds the services as they were for the whole second
 * it describes. The returned future completes once the change is applied, or exceptionally with
 * {@link IllegalArgumentException} when it cannot be (a name or key already taken, an unknown
 * service). A removed service's counters, players and detection state go with it, and it is absent
 * from every snapshot (and so from /metrics) after the change.
 */
public interface ServiceRegistry {
    /** Adds a service; a discovered service or candidate on the same key becomes this configured one, keeping its counts. */
    CompletableFuture<Void> addService(ServiceSpec spec);

    /** Renames the service whose id is {@code id} (its name, or {@code address-proto-port} when discovered). */
    CompletableFuture<Void> renameService(String id, String newName);

    /** Removes the service whose id is {@code id}. */
    CompletableFuture<Void> removeService(String id);

    /**
     * From now on, packets of this conversation are dropped before counting (netwarden's own game
     * queries); they are counted apart as own packets. Thread-safe, effective at once.
     */
    void addOwnEndpoint(OwnEndpoint endpoint);

    /** Forgets an endpoint added with {@link #addOwnEndpoint}. */
    void removeOwnEndpoint(OwnEndpoint endpoint);
}
