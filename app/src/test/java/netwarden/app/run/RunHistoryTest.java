package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.Http;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_MS = SynFlood.START / 1_000_000;
    private static final String TOKEN = "history-test-token-0123456789";

    @TempDir
    Path dir;

    private NetwardenConfig config() {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString(), "NETWARDEN_API_TOKEN", TOKEN)).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                services:
                  - {name: mc, address: %s, port: %d, proto: tcp}
                """.formatted(dir.resolve("state"), SynFlood.TARGET, SynFlood.PORT));
    }

    private void runToEnd(Path pcap, int runsSoFar) throws Exception {
        try (LiveRuntime runtime = new LiveRuntime(config(), new FileFeed(pcap, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(runtime.feedFailure()).isNull();
            // the API answers from the store while running (the rows arrive through the router and the writer)
            String from = Long.toString(SynFlood.START / 1_000_000_000L - 60);
            Http.Answer ended = Http.await(runtime.port(), "/api/v1/events?kind=attack_ended&from=" + from + "&limit=5", TOKEN,
                    Duration.ofSeconds(20), a -> a.status() == 200 && a.body().split("attack_ended").length > runsSoFar);
            JsonNode events = JSON.readTree(ended.body()).get("events");
            assertThat(events).as("one attack per replay of the file: a capture keeps every row").hasSize(runsSoFar);
            assertThat(events.get(0).get("detail").get("kind").asText()).isEqualTo("tcp_syn_flood");
            assertThat(Http.get(runtime.port(), "/api/v1/events?from=1970-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", TOKEN).status()).isEqualTo(200);
            Http.Answer bad = Http.get(runtime.port(), "/api/v1/events?from=yesterday", TOKEN);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("from must be epoch seconds or an RFC 3339 time");
            assertThat(Http.get(runtime.port(), "/api/v1/events", null).status()).isEqualTo(401);
            String service = events.get(0).get("service").asText();
            String path = "/api/v1/services/" + service + "/history?from=" + from + "&to=" + (SynFlood.START / 1_000_000_000L + 3600) + "&step=60";
            // the minute rows are flushed at the end of the file and written by the writer soon after
            Http.Answer series = Http.await(runtime.port(), path, TOKEN, Duration.ofSeconds(20), a -> a.status() == 200 && packets(a.body()) >= 4_500L * runsSoFar);
            assertThat(JSON.readTree(series.body()).get("step").asLong()).isEqualTo(60);
            assertThat(packets(series.body())).as("the flood's packets in the minute series, once per replay")
                    .isBetween(4_500L * runsSoFar, 5_200L * runsSoFar);
        }
    }

    private static long packets(String historyBody) {
        try {
            long n = 0;
            for (JsonNode p : JSON.readTree(historyBody).get("points")) n += p.get("packets").asLong();
            return n;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReplayedFloodIsKeptInTheStoreAcrossRestarts() throws Exception {
        Path flood = Files.write(dir.resolve("flood.pcap"), new SynFlood(5000, 25).bytes);
        runToEnd(flood, 1);

        try (DuckDbStore store = new DuckDbStore(dir.resolve("state/netwarden.duckdb"))) {
            store.start();
            List<Rows.Event> events = store.events(new Queries.Events(null, null, START_MS - 60_000, START_MS + 3_600_000, 1000));
            // the flood's target is configured: an unanswered SYN flood alone would be a host attack with no service rollups
            assertThat(events).extracting(Rows.Event::kind).contains("attack_started", "attack_ended");
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
        runToEnd(flood, 2);
        try (DuckDbStore store = new DuckDbStore(dir.resolve("state/netwarden.duckdb"))) {
            store.start();
            assertThat(store.count(Table.EVENTS)).isPositive();
            List<Rows.Incident> incidents = store.incidents(new Queries.Incidents(null, null, null, null,
                    START_MS - 60_000, START_MS + 3_600_000, 100));
            assertThat(incidents).hasSize(1); // the same incident id, replaced by key
        }

        // A run that sees no packets still serves the first run's incident, from the store, masked.
        String id;
        try (DuckDbStore store = new DuckDbStore(dir.resolve("state/netwarden.duckdb"))) {
            store.start();
            id = store.incidents(new Queries.Incidents(null, null, null, null, 0, Long.MAX_VALUE, 10)).getFirst().id();
        }
        try (LiveRuntime runtime = new LiveRuntime(config(), new RunStateTest.NoPackets())) {
            runtime.start();
            Http.Answer a = Http.get(runtime.port(), "/api/v1/incidents/" + id, TOKEN);
            assertThat(a.status()).isEqualTo(200);
            JsonNode incident = JSON.readTree(a.body());
            assertThat(incident.get("kind").asText()).isEqualTo("tcp_syn_flood");
            assertThat(incident.get("active").asBoolean()).isFalse();
            assertThat(incident.get("top_sources")).isNotEmpty();
            assertThat(incident.get("top_sources").get(0).get("address").asText()).as("masked as in the API").contains(".x#");
            assertThat(Http.get(runtime.port(), "/api/v1/incidents/nope", TOKEN).status()).isEqualTo(404);
        }
    }

    @Test
    void anAttackStillOpenAtTheEndOfTheFileIsEndedInEventsStoreAndSnapshot() throws Exception {
        Path flood = Files.write(dir.resolve("cut.pcap"), new SynFlood(5000, 0).bytes); // the capture stops mid-attack
        try (LiveRuntime runtime = new LiveRuntime(config(), new FileFeed(flood, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(runtime.snapshots().get().activeIncidents()).as("nothing left active").isEmpty();
            Http.Answer ended = Http.await(runtime.port(), "/api/v1/incidents?state=ended", TOKEN, Duration.ofSeconds(20),
                    a -> a.status() == 200 && a.body().contains("tcp_syn_flood"));
            assertThat(JSON.readTree(ended.body()).get("incidents").get(0).get("active").asBoolean()).isFalse();
            assertThat(Http.get(runtime.port(), "/api/v1/incidents?state=active", TOKEN).body()).isEqualTo("{\"incidents\":[]}");
            Http.await(runtime.port(), "/api/v1/events?kind=attack_ended", TOKEN, Duration.ofSeconds(20),
                    a -> a.status() == 200 && a.body().contains("attack_ended"));
        }
        assertThat(Files.list(dir.resolve("state/incidents")).filter(p -> p.toString().endsWith(".json")).count())
                .as("archived as ended").isEqualTo(1);
    }
}
