package netwarden.model;

import java.util.List;

/**
 * Everything readers need, published by the pipeline thread once per closed second; immutable.
 *
 * @param asOfNanos the packet (or injected clock) time the snapshot was taken at
 * @param players   current players and recently left ones (bounded), across all services
 */
public record EngineSnapshot(long asOfNanos, List<ServiceSnapshot> services, List<PlayerSnapshot> players,
                             EngineCounters counters) {
    public static final EngineSnapshot EMPTY = new EngineSnapshot(0, List.of(), List.of(),
            EngineCounters.ZERO);

    public EngineSnapshot {
        services = List.copyOf(services);
        players = List.copyOf(players);
    }

    public ServiceSnapshot service(String id) {
        for (ServiceSnapshot s : services) if (s.id().equals(id)) return s;
        return null;
    }
}
