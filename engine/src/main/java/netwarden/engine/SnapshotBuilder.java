package netwarden.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netwarden.engine.detect.Detector;
import netwarden.engine.flow.Flow;
import netwarden.engine.flow.FlowTable;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;

/** Copies the engine's mutable state into immutable snapshots (on the pipeline thread). */
final class SnapshotBuilder {
    private SnapshotBuilder() {}

    static EngineSnapshot build(long asOf, List<Endpoint> endpoints, Engine.Stats s, FlowTable flows, int tracked, Detector detector) {
        var services = new ArrayList<ServiceSnapshot>();
        var players = new ArrayList<PlayerSnapshot>();
        for (Endpoint e : endpoints) {
            if (!e.promoted) continue;
            services.add(new ServiceSnapshot(e.serviceId, e.name, e.key, e.connect, !e.configured,
                    e.packetsIn, e.bytesIn, e.packetsOut, e.bytesOut, e.peakPps, e.peakBps,
                    e.players.size(), e.playersPeak, new ArrayList<>(e.history)));
            players.addAll(e.recentLeft);
            for (Flow f : e.players) players.add(player(e, f, 0));
        }
        services.sort(Comparator.comparing(ServiceSnapshot::id));
        players.sort(Comparator.comparing(PlayerSnapshot::service).thenComparingLong(PlayerSnapshot::firstSeenNanos)
                .thenComparing(PlayerSnapshot::address));
        var counters = new EngineCounters(s.packets, s.bytes, s.nonIp, s.late, flows.size(), flows.evictions(),
                tracked, s.untracked, s.discovered, s.sketchSwitches, s.joins, s.leaves);
        return new EngineSnapshot(asOf, services, players, counters, detector.incidents(), detector.counters(s.untrackedSources));
    }

    static PlayerSnapshot player(Endpoint e, Flow f, long leftNanos) {
        return new PlayerSnapshot(e.serviceId, new Ip(f.srcHi(), f.srcLo()), f.firstSeen, f.lastSeen,
                f.packetsIn, f.packetsOut, f.bytesIn, f.bytesOut, f.joinedAt, leftNanos, f.estimated);
    }
}
