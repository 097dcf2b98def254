package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.SynFlood;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.store.DuckDbStore;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --pcap FILE --speed max} fills the embedded store in the state dir: events, the incident, rollups. */
class RunHistoryTest {
    private static final long START_MS = SynFlood.START / 1_000_000;

    @TempDir
    Path dir;

    private NetwardenConfig config() {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                """.formatted(dir.resolve("state")));
    }

    private void runToEnd(Path pcap) throws Exception {
        try (LiveRuntime runtime = new LiveRuntime(config(), new FileFeed(pcap, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(runtime.feedFailure()).isNull();
        }
    }

    @Test
    void aReplayedFloodIsKeptInTheStoreAcrossRestarts() throws Exception {
        Path flood = Files.write(dir.resolve("flood.pcap"), new SynFlood(5000, 25).bytes);
        runToEnd(flood);

        try (DuckDbStore store = new DuckDbStore(dir.resolve("state/netwarden.duckdb"))) {
            store.start();
            List<Rows.Event> events = store.events(new Queries.Events(null, null, START_MS - 60_000, START_MS + 3_600_000, 1000));
            assertThat(events).extracting(Rows.Event::kind).contains("service_discovered", "attack_started", "attack_ended");
            List<Rows.Incident> incidents = store.incidents(new Queries.Incidents(null, null, null, null,
                    START_MS - 60_000, START_MS + 3_600_000, 100));
            assertThat(incidents).hasSize(1);
            Rows.Incident i = incidents.getFirst();
            assertThat(i.kind()).isEqualTo("tcp_syn_flood");
            assertThat(i.endMs()).as("ended within the capture").isGreaterThan(i.startMs());
            assertThat(i.packets()).isBetween(4_500L, 5_000L);
            assertThat(store.incidentSources(i.agent(), i.id())).isNotEmpty();
            assertThat(store.count(Table.ROLLUP_1S)).as("per-second rollups from the snapshots").isPositive();
            assertThat(store.count(Table.ROLLUP_1M)).as("the open minute flushed at the end of the file").isPositive();
            List<Results.Point> history = store.history(new Queries.History(i.service(), START_MS - 60_000, START_MS + 3_600_000, 60));
            assertThat(history.stream().mapToLong(Results.Point::packets).sum()).isGreaterThanOrEqualTo(i.packets());
        }

        // A second run on the same state dir keeps what the first one wrote, and adds its own.
        runToEnd(flood);
        try (DuckDbStore store = new DuckDbStore(dir.resolve("state/netwarden.duckdb"))) {
            store.start();
            assertThat(store.count(Table.EVENTS)).isPositive();
            List<Rows.Incident> incidents = store.incidents(new Queries.Incidents(null, null, null, null,
                    START_MS - 60_000, START_MS + 3_600_000, 100));
            assertThat(incidents).hasSize(1); // the same incident id, replaced by key
        }
    }
}
