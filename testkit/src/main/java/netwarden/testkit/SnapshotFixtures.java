package netwarden.testkit;

import java.util.List;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;

/** Hand-built snapshots with distinct values, so a test can tell every field apart. */
public final class SnapshotFixtures {
    public static final long AS_OF = 1_795_268_314_250_000_000L; // closed second 1795268313

    private SnapshotFixtures() {}

    public static WindowStats window(long second, long packets) {
        return new WindowStats(second, packets, packets * 100, 3, false, 1,
                List.of(new SourceCount(Ip.parse("10.201.0.7"), packets - 2, (packets - 2) * 100),
                        new SourceCount(Ip.parse("2001:db8:7::5"), 2, 200)));
    }

    public static ServiceSnapshot quake() {
        return new ServiceSnapshot("quake", "quake", new ServiceKey(Ip.parse("192.0.2.10"), Proto.UDP, 27960),
                "connect play.example.org:27960", false, 1000, 64000, 900, 72000, 40, 32000, 2, 3,
                List.of(window(1_795_268_312L, 10), window(1_795_268_313L, 12)));
    }

    /** A discovered TCP service whose newest bin is old: it went idle. */
    public static ServiceSnapshot idle() {
        ServiceKey key = new ServiceKey(Ip.parse("2001:db8::10"), Proto.TCP, 443);
        return new ServiceSnapshot(key.id(), null, key, null, true, 5, 300, 0, 0, 5, 2400, 0, 0,
                List.of(window(1_795_268_200L, 5)));
    }

    public static PlayerSnapshot player() {
        return new PlayerSnapshot("quake", Ip.parse("10.201.0.7"), 1_795_268_310_000_000_000L,
                1_795_268_313_898_023_000L, 500, 450, 32000, 36000, 1_795_268_311_500_000_000L, 0);
    }

    public static PlayerSnapshot leftPlayer() {
        return new PlayerSnapshot("quake", Ip.parse("2001:db8:7::5"), 1_795_268_300_000_000_001L,
                1_795_268_305_000_000_000L, 20, 18, 1280, 1440, 1_795_268_301_000_000_000L,
                1_795_268_312_000_000_000L);
    }

    public static EngineSnapshot snapshot() {
        return new EngineSnapshot(AS_OF, List.of(quake(), idle()), List.of(player(), leftPlayer()),
                new EngineCounters(5000, 400000, 7, 3, 42, 11, 17, 13, 1, 2, 9, 4));
    }
}
