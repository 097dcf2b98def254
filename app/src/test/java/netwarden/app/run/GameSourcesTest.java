package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import netwarden.app.config.GameSettings;
import netwarden.model.Clock;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.sources.gamelog.GameLogConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The players log tail in run: joins carry the player's name and the traffic player at the log's address. */
class GameSourcesTest {
    static final long T = 1_795_268_310_000_000_000L;
    @TempDir
    Path dir;

    static String row(String action, String name, String ip, String hash) {
        return "2026-05-15T19:46:31Z,My Server," + action + "," + name + "," + ip + "," + hash + ",,v1\n";
    }

    @Test
    void aLogJoinIsANamedEventMatchedToTheTrafficPlayerAndALogOnlyJoinStillCounts() throws Exception {
        Path log = Files.writeString(dir.resolve("players.log"), row("join", "before", "203.0.113.1:1", "h0"));
        GameLogConfig tail = GameLogConfig.defaults(log).withHashSalt("0123456789abcdef0123");
        var settings = new GameSettings(List.of(), null, null, tail, "arena");
        var traffic = new PlayerSnapshot("arena", Ip.parse("203.0.113.4"), T, T, 120, 110, 9000, 8000, T, 0);
        var snapshot = new EngineSnapshot(T, List.of(), List.of(traffic), EngineCounters.ZERO);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (GameSources games = new GameSources(settings, List.of(), events::add, () -> snapshot, Clock.SYSTEM)) {
            games.start(new RecordingRegistry());
            Thread.sleep(300); // the tail starts at the log's end: the row written before is history
            Files.writeString(log, row("join", "alice", "203.0.113.4:51234", "cdkey-a") + row("join", "bob", "198.51.100.8", "cdkey-b")
                    + "2026-05-15T19:47:00Z,My Server,command,alice,203.0.113.4:51234,cdkey-a,lvl=4|cmd=map_restart,v1\n"
                    + row("leave", "alice", "203.0.113.4:51234", "cdkey-a"), StandardOpenOption.APPEND);
            Event.GameLogged alice = (Event.GameLogged) events.poll(5, TimeUnit.SECONDS);
            assertThat(alice).isNotNull();
            assertThat(alice.kind()).isEqualTo("game_join");
            assertThat(alice.service()).isEqualTo("arena");
            assertThat(alice.playerName()).isEqualTo("alice");
            assertThat(alice.address()).isEqualTo(Ip.parse("203.0.113.4"));
            assertThat(alice.player()).isEqualTo(traffic);
            assertThat(alice.playerId()).hasSize(16).doesNotContain("cdkey");
            Event.GameLogged bob = (Event.GameLogged) events.poll(5, TimeUnit.SECONDS);
            assertThat(bob.playerName()).isEqualTo("bob");
            assertThat(bob.player()).as("a log-only join").isNull();
            assertThat(games.view().get().playerName("arena", Ip.parse("198.51.100.8"))).isEqualTo("bob");
            Event.GameLogged command = (Event.GameLogged) events.poll(5, TimeUnit.SECONDS);
            assertThat(command.kind()).isEqualTo("game_command");
            assertThat(command.detail()).contains("map_restart");
            Event.GameLogged leave = (Event.GameLogged) events.poll(5, TimeUnit.SECONDS);
            assertThat(leave.kind()).isEqualTo("game_leave");
            assertThat(games.view().get().playerName("arena", Ip.parse("203.0.113.4"))).isNull();
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("the row written before start is not announced").isNull();
            assertThat(new EventLog(netwarden.wire.AddressFormat.masked()).describe(alice)).contains("alice").contains("traffic player");
        }
        assertThat(Files.exists(tail.bookmark())).isTrue();
    }
}
