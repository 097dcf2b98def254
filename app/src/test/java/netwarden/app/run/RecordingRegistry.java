package netwarden.app.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.model.ServiceSpec;
import netwarden.model.ingest.OwnEndpoint;
import netwarden.model.ingest.ServiceRegistry;

/** A registry that records what it was asked to do. */
final class RecordingRegistry implements ServiceRegistry {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<OwnEndpoint> own = new CopyOnWriteArrayList<>();

    @Override public CompletableFuture<Void> addService(ServiceSpec spec) {
        calls.add("add " + spec.name() + " " + spec.key());
        return CompletableFuture.completedFuture(null);
    }

    @Override public CompletableFuture<Void> renameService(String id, String newName) {
        calls.add("rename " + id + " " + newName);
        return CompletableFuture.completedFuture(null);
    }

    @Override public CompletableFuture<Void> removeService(String id) {
        calls.add("remove " + id);
        return CompletableFuture.completedFuture(null);
    }

    @Override public void addOwnEndpoint(OwnEndpoint e) { own.add(e); }

    @Override public void removeOwnEndpoint(OwnEndpoint e) { own.remove(e); }
}
