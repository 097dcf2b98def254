package netwarden.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netwarden.engine.EngineConfig;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The recorded OpenArena server: with no service configured, the players found are exactly the
 * {@code player} rows of {@code X.players.csv}, with their packet counts; the query host and the
 * memcached reflectors never are.
 */
class RecordedGamePlayersTest {
    record Expected(String address, long packetsIn, long packetsOut, double firstS, double lastS) {}

    static Map<String, Expected> players(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(","))
                .filter(f -> f[1].startsWith("player"))
                .map(f -> new Expected(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])))
                .collect(Collectors.toMap(Expected::address, e -> e));
    }

    @Test
    void threePlayersBobLeavesQueryHostIsNoPlayer() throws Exception {
        Path file = RecordedCaptures.capture("game-openarena-3players.pcapng");
        var expected = players(Path.of(file + ".players.csv"));
        var run = RecordedCaptures.replay(file, EngineConfig.defaults());
        EngineSnapshot snap = run.engine().snapshot();

        ServiceSnapshot arena = snap.service("10.201.0.1-udp-27960");
        assertThat(arena).as("the game server is discovered").isNotNull();
        assertThat(snap.services()).extracting(ServiceSnapshot::id).containsExactly("10.201.0.1-udp-27960");
        assertThat(arena.playersPeak()).isEqualTo(3);
        assertThat(arena.playersNow()).isEqualTo(2);
        assertPlayersMatch(snap.players(), expected);

        var bob = snap.players().stream().filter(p -> p.address().toString().equals("10.201.0.12")).findFirst().orElseThrow();
        assertThat(bob.left()).isTrue();
        var left = run.events().stream().filter(e -> e instanceof Event.PlayerLeft).map(e -> (Event.PlayerLeft) e).toList();
        assertThat(left).hasSize(1);
        assertThat(left.getFirst().tsNanos() - bob.lastSeenNanos()).as("leave reported within 30 s of the last packet")
                .isPositive().isLessThanOrEqualTo(30_000_000_000L);
        assertThat(snap.incidents()).as("a clean game raises nothing").isEmpty();
    }

    @Test
    void twoPlayersStayPlayersThroughAMemcachedReflection() throws Exception {
        Path file = RecordedCaptures.capture("game-openarena-2players-memcached.pcapng");
        var expected = players(Path.of(file + ".players.csv"));
        var run = RecordedCaptures.replay(file, EngineConfig.defaults());
        EngineSnapshot snap = run.engine().snapshot();
        ServiceSnapshot arena = snap.service("10.201.0.1-udp-27960");
        assertThat(arena.playersPeak()).isEqualTo(2);
        assertThat(arena.playersNow()).isEqualTo(2);
        assertPlayersMatch(snap.players(), expected);
        assertThat(snap.players()).noneMatch(PlayerSnapshot::left);
    }

    private static void assertPlayersMatch(List<PlayerSnapshot> found, Map<String, Expected> expected) {
        assertThat(found).extracting(p -> p.address().toString()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (PlayerSnapshot p : found) {
            Expected e = expected.get(p.address().toString());
            assertThat(p.packetsIn()).as("packets from %s", e.address()).isEqualTo(e.packetsIn());
            assertThat(p.packetsOut()).as("packets to %s", e.address()).isEqualTo(e.packetsOut());
            assertThat(p.service()).isEqualTo("10.201.0.1-udp-27960");
        }
    }
}
