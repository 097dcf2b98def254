package netwarden.sources.docker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services each container gives, and the adds/removes that move from what was known to what is now,
 * pure. A container whose services change (a restart with another port) has the old ones removed first.
 */
final class Reconciler {
    interface Sink {
        void added(ContainerService s);
        void removed(ContainerService s, String reason);
    }

    private final Map<String, List<ContainerService>> known = new HashMap<>();

    void up(String containerId, List<ContainerService> services, String reason, Sink sink) {
        List<ContainerService> old = known.getOrDefault(containerId, List.of());
        for (ContainerService s : old) if (!services.contains(s)) sink.removed(s, reason);
        for (ContainerService s : services) if (!old.contains(s)) sink.added(s);
        if (services.isEmpty()) known.remove(containerId);
        else known.put(containerId, List.copyOf(services));
    }

    void down(String containerId, String reason, Sink sink) {
        List<ContainerService> old = known.remove(containerId);
        if (old != null) for (ContainerService s : old) sink.removed(s, reason);
    }

    /** Everything running now: containers not in {@code now} are down. */
    void resync(Map<String, List<ContainerService>> now, Sink sink) {
        for (String id : List.copyOf(known.keySet())) if (!now.containsKey(id)) down(id, "resync", sink);
        now.forEach((id, services) -> up(id, services, "resync", sink));
    }

    List<ContainerService> services() {
        return known.values().stream().flatMap(List::stream).toList();
    }
}
