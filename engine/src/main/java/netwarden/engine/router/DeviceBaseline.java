package netwarden.engine.router;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.Ip;

/**
 * What the scorer learned about one device, as an immutable copy to persist and restore: when it was first
 * seen, its destinations with when each was last talked to (oldest first), ASNs, IP protocols, connections
 * per port and in all, and its per-minute egress bytes and distinct destinations, oldest minute first (at
 * most 24 hours: the p95 baselines).
 */
public record DeviceBaseline(Instant firstSeen, Map<Ip, Instant> destinations, Set<Long> asns, Set<Integer> protos,
                             Map<Integer, Long> portCounts, long connections, List<Long> egressMinutes, List<Long> fanoutMinutes) {
    public DeviceBaseline {
        destinations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(destinations));
        asns = Set.copyOf(asns);
        protos = Set.copyOf(protos);
        portCounts = Map.copyOf(portCounts);
        egressMinutes = List.copyOf(egressMinutes);
        fanoutMinutes = List.copyOf(fanoutMinutes);
        if (egressMinutes.size() != fanoutMinutes.size() || egressMinutes.size() > DeviceProfile.MINUTES)
            throw new IllegalArgumentException("baseline minutes: egress and fanout must have the same length, at most "
                    + DeviceProfile.MINUTES + ": " + egressMinutes.size() + ", " + fanoutMinutes.size());
        if (connections < 0) throw new IllegalArgumentException("baseline connections must not be negative: " + connections);
    }
}
