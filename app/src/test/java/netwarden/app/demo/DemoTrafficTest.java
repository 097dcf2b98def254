package netwarden.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Packet;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {
    private static final long START = 1_750_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Packets as text, for comparing whole streams. */
    private static List<String> stream(long seed, long seconds) {
        DemoTraffic t = new DemoTraffic(seed, START);
        List<String> out = new ArrayList<>();
        Packet p = new Packet();
        for (long s = 1; s <= seconds; s++) t.emitUntil(START + s * SECOND, p, q -> out.add(q.toString()));
        return out;
    }

    @Test
    void sameSeedSameTrafficOtherSeedOtherTraffic() {
        List<String> a = stream(42, 30), b = stream(42, 30), c = stream(43, 30);
        assertThat(a).hasSizeGreaterThan(10_000).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void packetsComeInTimeOrderAndLookDecoded() {
        DemoTraffic t = new DemoTraffic(7, START);
        Packet p = new Packet();
        long[] last = {START};
        t.emitUntil(START + 120 * SECOND, p, q -> {
            assertThat(q.tsNanos).isGreaterThanOrEqualTo(last[0]).isLessThan(START + 120 * SECOND);
            last[0] = q.tsNanos;
            assertThat(q.ipVersion).isEqualTo(4);
            assertThat(q.ipBytes).isGreaterThanOrEqualTo(28);
            assertThat(q.wireLen).isEqualTo(Math.max(60, q.ipBytes + 14)).isEqualTo(q.capLen);
            assertThat(q.dstPort).isBetween(1, 65535);
        });
        assertThat(t.floodsStarted()).isPositive();
        assertThat(t.playerSessionsStarted()).isGreaterThanOrEqualTo(12);
    }

    /** Two minutes through the real engine: players on every server, none from floods or queries. */
    @Test
    void theEngineFindsPlayersAndNeverFloodOrQuerySources() {
        DemoTraffic t = new DemoTraffic(11, START);
        EngineConfig d = EngineConfig.defaults();
        List<Event> events = new ArrayList<>();
        Engine engine = new Engine(new EngineConfig(t.services(), d.discovery(), d.players(), d.windows(), d.flowCapacity()), events::add, true);
        Packet p = new Packet();
        for (long s = 1; s <= 120; s++) {
            t.emitUntil(START + s * SECOND, p, engine::onPacket);
            engine.advanceTo(START + s * SECOND);
        }
        engine.finish();
        EngineSnapshot snap = engine.snapshot();

        assertThat(t.floodsStarted()).isPositive();
        for (ServiceSnapshot s : snap.services()) {
            assertThat(s.playersPeak()).as(s.id()).isPositive();
            assertThat(s.packetsOut()).as(s.id()).isPositive();
        }
        Set<String> players = new HashSet<>();
        for (PlayerSnapshot pl : snap.players()) players.add(pl.address().toString());
        assertThat(players).isNotEmpty().allMatch(a -> a.startsWith("198.51.100.") || a.startsWith("203.0.113."));
        assertThat(events).anyMatch(e -> e instanceof Event.PlayerJoined);
        // The flood reached its target: some second saw far more sources than players.
        long maxSources = snap.services().stream().flatMap(s -> s.recent().stream()).mapToLong(w -> w.distinctSources()).max().orElse(0);
        assertThat(maxSources).isGreaterThan(20);
    }

    /** A short demo shows a whole incident: for every seed tried, the first attack starts within 30 s and ends within 90 s. */
    @Test
    void theFirstAttackStartsWithin30SecondsAndEndsWithin90() {
        for (long seed = 1; seed <= 8; seed++) {
            DemoTraffic t = new DemoTraffic(seed, START);
            EngineConfig d = EngineConfig.defaults();
            List<Event> events = new ArrayList<>();
            Engine engine = new Engine(new EngineConfig(t.services(), d.discovery(), d.players(), d.windows(), d.flowCapacity(),
                    d.detection()), events::add, true);
            Packet p = new Packet();
            for (long s = 1; s <= 90; s++) {
                t.emitUntil(START + s * SECOND, p, engine::onPacket);
                engine.advanceTo(START + s * SECOND);
            }
            Event.AttackStarted started = events.stream().filter(e -> e instanceof Event.AttackStarted)
                    .map(e -> (Event.AttackStarted) e).findFirst().orElseThrow(() -> new AssertionError("no attack in 90 s"));
            assertThat(started.tsNanos() - START).as("seed %d: first attack start", seed).isLessThanOrEqualTo(30 * SECOND);
            assertThat(events).as("seed %d: it ends within 90 s", seed)
                    .anyMatch(e -> e instanceof Event.AttackEnded end && end.incident().id().equals(started.incident().id()));
        }
    }
}
