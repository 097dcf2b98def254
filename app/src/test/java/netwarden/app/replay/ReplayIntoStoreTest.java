package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netwarden.app.CliRun;
import netwarden.app.GameCapture;
import netwarden.app.SynFlood;
import netwarden.store.DuckDbStore;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay FILE --state-dir DIR} fills the store at full speed; an attack still open at the end of the file is ended. */
class ReplayIntoStoreTest {
    private static final long START_MS = SynFlood.START / 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aFloodStillRunningAtTheEndOfTheFileIsEndedInTheStore() throws Exception {
        Path flood = Files.write(dir.resolve("flood.pcap"), new SynFlood(5000, 0).bytes); // the capture stops mid-attack
        Path game = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        Path state = dir.resolve("state");
        // Both targets configured: an unanswered SYN flood alone makes no service (it is a host attack), and the
        // rollups the test reads are per service.
        Path config = Files.writeString(dir.resolve("services.yaml"), """
                services:
                  - {name: mc, address: %s, port: %d, proto: tcp}
                  - {name: arena, address: %s, port: %d}
                """.formatted(SynFlood.TARGET, SynFlood.PORT, GameCapture.SERVER, GameCapture.GAME_PORT));
        CliRun run = CliRun.of("replay", "--format", "json", "--config", config.toString(), "--state-dir", state.toString(),
                flood.toString(), game.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("rows written to the store in " + state).doesNotContain("lost");

        try (DuckDbStore store = new DuckDbStore(state.resolve("netwarden.duckdb"))) {
            store.start();
            List<Rows.Incident> incidents = store.incidents(new Queries.Incidents(null, null, null, null, 0, Long.MAX_VALUE, 10));
            assertThat(incidents).hasSize(1);
            Rows.Incident i = incidents.getFirst();
            assertThat(i.kind()).isEqualTo("tcp_syn_flood");
            assertThat(i.endMs()).as("ended at the end of the file").isGreaterThanOrEqualTo(i.startMs()).isNotZero();
            assertThat(store.events(new Queries.Events(null, null, 0, Long.MAX_VALUE, 100))).extracting(Rows.Event::kind)
                    .contains("attack_started", "attack_ended", "player_joined");
            List<Results.Point> minutes = store.history(new Queries.History(i.service(), START_MS - 60_000, START_MS + 600_000, 60));
            assertThat(minutes.stream().mapToLong(Results.Point::packets).sum()).as("every flood packet in the rollups").isEqualTo(5000);
            assertThat(store.count(Table.ROLLUP_1S)).isPositive();
            assertThat(store.sessions(new Queries.Sessions(null, GameCapture.BOB, null, null, 0, 0, Long.MAX_VALUE, 10)))
                    .as("the second file's players").hasSize(1);
            assertThat(store.count(Table.SOURCE_MINUTES)).isPositive();
        }
    }

    @Test
    void aStoreThatCannotOpenFailsTheReplayWithExitOne() throws Exception {
        Path flood = Files.write(dir.resolve("flood.pcap"), new SynFlood(100, 0).bytes);
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        CliRun run = CliRun.of("replay", "--state-dir", notADir.toString(), flood.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot open the store in " + notADir);
    }
}
