package netwarden.model;

import java.util.List;

/**
 * Everything readers need, published by the pipeline thread once per closed second; immutable.
 *
 * @param asOfNanos the packet (or injected clock) time the snapshot was taken at
 * @param players   current players and recently left ones (bounded), across all services
 * @param incidents active incidents and recently ended ones (bounded), oldest first
 */
public record EngineSnapshot(long asOfNanos, List<ServiceSnapshot> services, List<PlayerSnapshot> players,
                             EngineCounters counters, List<Incident> incidents, DetectionCounters detection) {
    public static final EngineSnapshot EMPTY = new EngineSnapshot(0, List.of(), List.of(), EngineCounters.ZERO);

    public EngineSnapshot {
        services = List.copyOf(services);
        players = List.copyOf(players);
        incidents = List.copyOf(incidents);
        java.util.Objects.requireNonNull(detection, "detection");
    }

    /** A snapshot without detection state. */
    public EngineSnapshot(long asOfNanos, List<ServiceSnapshot> services, List<PlayerSnapshot> players, EngineCounters counters) {
        this(asOfNanos, services, players, counters, List.of(), DetectionCounters.ZERO);
    }

    /** Active incidents. */
    public List<Incident> activeIncidents() {
        return incidents.stream().filter(Incident::active).toList();
    }

    public ServiceSnapshot service(String id) {
        for (ServiceSnapshot s : services) if (s.id().equals(id)) return s;
        return null;
    }
}
