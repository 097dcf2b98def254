package netwarden.server;

import java.util.List;
import netwarden.model.AttackKind;
import netwarden.model.ScopeKind;
import netwarden.model.EngineCounters;
import netwarden.model.DetectionCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.model.PortCount;
import netwarden.model.Severity;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;

/** A hand-built engine snapshot: a configured UDP game server and a discovered IPv6 TCP service. */
final class Snapshots {
    static final long AS_OF = 1_795_268_314_250_000_000L;
    static final String V6_ID = "2001:db8::10-tcp-443";

    private Snapshots() {}

    static EngineSnapshot sample() {
        WindowStats w1 = new WindowStats(1_795_268_312L, 10, 1000, 2, false, 2,
                List.of(new SourceCount(Ip.parse("10.201.0.7"), 8, 800), new SourceCount(Ip.parse("10.201.0.9"), 2, 200)));
        WindowStats w2 = new WindowStats(1_795_268_313L, 12, 1200, 3, false, 1,
                List.of(new SourceCount(Ip.parse("10.201.0.7"), 10, 1000)));
        ServiceSnapshot quake = new ServiceSnapshot("quake", "quake",
                new ServiceKey(Ip.parse("192.0.2.10"), Proto.UDP, 27960), "connect play.example.org:27960; password hunter2", false,
                1000, 64000, 900, 72000, 40, 32000, 1, 2, List.of(w1, w2));
        ServiceKey v6 = new ServiceKey(Ip.parse("2001:db8::10"), Proto.TCP, 443);
        ServiceSnapshot web = new ServiceSnapshot(v6.id(), null, v6, null, true, 5, 300, 4, 900, 5, 2400, 0, 0,
                List.of(new WindowStats(1_795_268_313L, 5, 300, 1, false, 1, List.of())));
        PlayerSnapshot playing = new PlayerSnapshot("quake", Ip.parse("10.201.0.7"), 1_795_268_310_000_000_000L,
                1_795_268_313_898_023_000L, 500, 450, 32000, 36000, 1_795_268_311_500_000_000L, 0);
        PlayerSnapshot left = new PlayerSnapshot("quake", Ip.parse("2001:db8:7:1::5"), 1_795_268_300_000_000_001L,
                1_795_268_305_000_000_000L, 20, 18, 1280, 1440, 1_795_268_301_000_000_000L, 1_795_268_312_000_000_000L);
        Incident flood = new Incident("service:quake:1795268313", ScopeKind.SERVICE, "quake", "quake", AttackKind.UDP_FLOOD,
                "6000 of 6100 pps are UDP", Severity.MEDIUM, 1_795_268_313_000_000_000L, 0, 6100, 4_880_000, 6100, 4_880_000,
                6100, 610_000, 250, true, false, List.of(new SourceCount(Ip.parse("203.0.113.9"), 900, 0)),
                List.of(new PortCount(40000, 6000)), List.of());
        Incident old = new Incident("host:192.0.2.10:1795268000", ScopeKind.HOST, "192.0.2.10", null, AttackKind.ICMP_FLOOD, "icmp",
                Severity.LOW, 1_795_268_000_000_000_000L, 1_795_268_010_000_000_000L, 0, 0, 3000, 2_000_000, 30_000,
                2_000_000, 3, false, false, List.of(), List.of(), List.of());
        return new EngineSnapshot(AS_OF, List.of(quake, web), List.of(playing, left),
                new EngineCounters(5000, 400000, 7, 3, 42, 11, 17, 13, 1, 2, 9, 4), List.of(old, flood), DetectionCounters.ZERO);
    }
}
