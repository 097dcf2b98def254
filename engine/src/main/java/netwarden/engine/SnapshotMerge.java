package netwarden.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netwarden.model.DetectionCounters;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;

/**
 * One snapshot from the shards' ({@link ShardedEngine}): services and players are disjoint (each
 * destination lives in one shard) and concatenate in the order one engine sorts them; totals add;
 * incidents are the shards' and the network's, the newest {@code recentIncidents} ended ones kept.
 */
final class SnapshotMerge {
    private SnapshotMerge() {}

    static EngineSnapshot merge(List<EngineSnapshot> shards, List<Incident> network, DetectionCounters networkCounters,
                                int recentIncidents) {
        long asOf = 0;
        var services = new ArrayList<ServiceSnapshot>();
        var players = new ArrayList<PlayerSnapshot>();
        var incidents = new ArrayList<Incident>(network);
        EngineCounters c = EngineCounters.ZERO;
        DetectionCounters d = networkCounters;
        for (EngineSnapshot s : shards) {
            asOf = Math.max(asOf, s.asOfNanos());
            services.addAll(s.services());
            players.addAll(s.players());
            incidents.addAll(s.incidents());
            c = add(c, s.counters());
            d = add(d, s.detection());
        }
        services.sort(Comparator.comparing(ServiceSnapshot::id));
        players.sort(Comparator.comparing(PlayerSnapshot::service).thenComparingLong(PlayerSnapshot::firstSeenNanos)
                .thenComparing(PlayerSnapshot::address));
        return new EngineSnapshot(asOf, services, players, c, newestEnded(incidents, recentIncidents), d);
    }

    /** Active incidents and the newest {@code keep} ended ones (by end), oldest first as one engine lists them. */
    private static List<Incident> newestEnded(List<Incident> all, int keep) {
        var ended = new ArrayList<Incident>();
        var out = new ArrayList<Incident>();
        for (Incident i : all) (i.active() ? out : ended).add(i);
        ended.sort(Comparator.comparingLong(Incident::endNanos).thenComparingLong(Incident::startNanos).thenComparing(Incident::id));
        out.addAll(ended.subList(Math.max(0, ended.size() - keep), ended.size()));
        out.sort(Comparator.comparingLong(Incident::startNanos).thenComparing(Incident::id));
        return out;
    }

    private static EngineCounters add(EngineCounters a, EngineCounters b) {
        return new EngineCounters(a.packets() + b.packets(), a.bytes() + b.bytes(), a.nonIpPackets() + b.nonIpPackets(),
                a.latePackets() + b.latePackets(), a.flowTableSize() + b.flowTableSize(), a.flowEvictions() + b.flowEvictions(),
                a.endpointsTracked() + b.endpointsTracked(), a.endpointsUntracked() + b.endpointsUntracked(),
                a.servicesDiscovered() + b.servicesDiscovered(), a.sketchSwitches() + b.sketchSwitches(),
                a.playerJoins() + b.playerJoins(), a.playerLeaves() + b.playerLeaves());
    }

    private static DetectionCounters add(DetectionCounters a, DetectionCounters b) {
        Map<String, Long> kinds = new TreeMap<>(a.attacksStartedByKind());
        b.attacksStartedByKind().forEach((k, n) -> kinds.merge(k, n, Long::sum));
        return new DetectionCounters(kinds, a.evaluations() + b.evaluations(), a.evaluationNanos() + b.evaluationNanos(),
                a.hostsTracked() + b.hostsTracked(), a.hostsUntracked() + b.hostsUntracked(),
                a.frozenSourcePackets() + b.frozenSourcePackets());
    }
}
