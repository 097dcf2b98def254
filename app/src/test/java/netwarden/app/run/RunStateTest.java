package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.app.GameCapture;
import netwarden.app.SynFlood;
import netwarden.app.UsageException;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} keeps on disk: learned baselines across restarts, and the incident archive. */
class RunStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARENA_PPS = "service:arena:pps";
    /** No services configured: the flood's target port is discovered. */
    private static final String DISCOVERY = "";
    /** The SYN flood's archive name: a flood from many sources to one port is the host's attack (no service is discovered from it). */
    private static final String FLOOD_RECORD = "host_10.0.0.1_1700000000";

    @TempDir
    Path dir;

    /** The game server configured as "arena"; state in {@code dir/state}. */
    private NetwardenConfig config() {
        return config("services: [{name: arena, address: 10.0.0.1, port: 27960}]");
    }

    private NetwardenConfig config(String more) {
        // No GeoIP data (an empty cache directory): each start stays quick.
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                %s
                """.formatted(dir.resolve("state"), more));
    }

    private Path capture(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Runs {@code feed} to its end, then shuts down. */
    private static void runToEnd(NetwardenConfig config, PacketFeed feed) throws Exception {
        try (LiveRuntime runtime = new LiveRuntime(config, feed)) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            assertThat(runtime.feedFailure()).isNull();
        }
    }

    private JsonNode baselines() throws IOException {
        return JSON.readTree(dir.resolve("state/baselines.json").toFile()).get("baselines");
    }

    @Test
    void baselinesAreSavedAtShutdownAndReadAtTheNextStart() throws Exception {
        Path game = capture("game.pcap", new GameCapture().bytes);
        runToEnd(config(), new FileFeed(game, ReplaySpeed.MAX));
        long learned = baselines().get(ARENA_PPS).get("samples").asLong();
        assertThat(learned).isBetween(30L, GameCapture.DURATION_SECONDS + 1);
        double mean = baselines().get(ARENA_PPS).get("mean").asDouble();
        assertThat(mean).isPositive();

        // A second run that sees no packets saves what it loaded: had it not read the file, nothing would be left.
        runToEnd(config(), new NoPackets());
        assertThat(baselines().get(ARENA_PPS).get("samples").asLong()).isEqualTo(learned);
        assertThat(baselines().get(ARENA_PPS).get("mean").asDouble()).isEqualTo(mean);

        // A third run with traffic goes on learning from there.
        runToEnd(config(), new FileFeed(game, ReplaySpeed.MAX));
        assertThat(baselines().get(ARENA_PPS).get("samples").asLong()).isGreaterThan(learned);
    }

    @Test
    void aCorruptBaselinesFileIsMovedAsideAndLearningStartsOver() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("baselines.json"), "{\"version\":1,\"baselines\":{\"service:arena:pps\":{\"mean\":-1");
        runToEnd(config(), new FileFeed(capture("game.pcap", new GameCapture().bytes), ReplaySpeed.MAX));
        assertThat(state.resolve("baselines.json.corrupt")).content().startsWith("{\"version\":1");
        assertThat(baselines().get(ARENA_PPS).get("samples").asLong()).isPositive();
    }

    @Test
    void aDamagedStateIsMovedAsideAndTheStartGoesOn() throws Exception {
        // Each of these once made every start exit 1: a crash loop under Restart=on-failure.
        Path state = Files.createDirectories(dir.resolve("state"));
        Path returning = Files.createDirectories(state.resolve("returning"));
        Files.write(returning.resolve("seen-salt"), new byte[0]);
        Files.createDirectories(returning.resolve("seen-keys.bin"));
        Files.writeString(state.resolve("incidents"), "a file where the archive goes");
        Files.createSymbolicLink(state.resolve("baselines.json"), Path.of("/dev/zero"));
        Path flood = capture("flood.pcap", new SynFlood(5000, 0).bytes);
        runToEnd(config(DISCOVERY), new FileFeed(flood, ReplaySpeed.MAX));
        assertThat(returning.resolve("seen-salt")).hasSize(32);
        assertThat(returning.resolve("seen-salt.corrupt")).isEmptyFile();
        assertThat(returning.resolve("seen-keys.bin.corrupt")).isDirectory();
        assertThat(returning.resolve("seen-keys.bin")).isRegularFile();
        assertThat(state.resolve("incidents.corrupt")).hasContent("a file where the archive goes");
        assertThat(state.resolve("incidents/" + FLOOD_RECORD + ".json")).isRegularFile();
        assertThat(Files.readSymbolicLink(state.resolve("baselines.json.corrupt"))).isEqualTo(Path.of("/dev/zero"));
        assertThat(state.resolve("baselines.json")).isRegularFile();
    }

    @Test
    void aReturningStoreThatCannotBeOpenedCostsOnlyTheMarker() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, so no directory can be made under it");
        runToEnd(config("services: [{name: arena, address: 10.0.0.1, port: 27960}]\nenrich: {returning-store: \""
                        + blocker.resolve("returning") + "\"}"),
                new FileFeed(capture("game.pcap", new GameCapture().bytes), ReplaySpeed.MAX));
        assertThat(blocker).hasContent("a file, so no directory can be made under it");
        assertThat(baselines().get(ARENA_PPS).get("samples").asLong()).as("the run went on").isPositive();
    }

    @Test
    void aStateDirThatIsAFileIsRefusedSayingWhatToChange() throws Exception {
        Files.writeString(dir.resolve("state"), "not a directory");
        try (LiveRuntime runtime = new LiveRuntime(config(), new NoPackets())) {
            assertThatThrownBy(runtime::start).isInstanceOf(UsageException.class)
                    .hasMessage("state.dir " + dir.resolve("state") + " is not a directory: move that file away, or set state.dir "
                            + "(or STATE_DIRECTORY) to a directory netwarden may create");
        }
        assertThat(dir.resolve("state")).hasContent("not a directory");
    }

    @Test
    void baselinesAreAlsoSavedWhileRunning() throws Exception {
        Path game = capture("game.pcap", new GameCapture().bytes);
        PacketFeed gameThenIdle = new PacketFeed() {
            @Override
            public void run(netwarden.model.ingest.IngestPort engine, java.util.function.BooleanSupplier stop) throws Exception {
                new FileFeed(game, ReplaySpeed.MAX).run(engine, stop);
                while (!stop.getAsBoolean()) Thread.sleep(5); // a live source idles like this, polling
            }

            @Override
            public String describe() {
                return "game, then idle";
            }
        };
        try (LiveRuntime runtime = new LiveRuntime(config(), gameThenIdle, Duration.ofMillis(50))) {
            runtime.start();
            Path file = dir.resolve("state/baselines.json");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !(Files.exists(file) && baselines().has(ARENA_PPS))) Thread.sleep(20);
            assertThat(runtime.awaitFeedEnd(Duration.ZERO)).as("still running").isFalse();
            assertThat(baselines().has(ARENA_PPS)).isTrue();
            assertThat(counter(runtime, "netwarden_baseline_saves")).isPositive();
            assertThat(counter(runtime, "netwarden_baseline_save_failures")).isZero();
        }
    }

    @Test
    void anEndedAttackIsArchivedWithItsSample() throws Exception {
        Path flood = capture("flood.pcap", new SynFlood(5000, 25).bytes);
        Path record = dir.resolve("state/incidents/" + FLOOD_RECORD + ".json");
        // A shift-long block: the archived block rules carry the configured timeout, not the default hour.
        try (LiveRuntime runtime = new LiveRuntime(config("detection: {block-timeout: 6h}"), new FileFeed(flood, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The JSON appears first, then the sample pcap, then the count: wait for all of them.
            while (System.nanoTime() < deadline && counter(runtime, "netwarden_incident_archive_written") < 1) Thread.sleep(20);
            assertThat(counter(runtime, "netwarden_incident_archive_written")).isEqualTo(1);
            assertThat(runtime.snapshots().get().activeIncidents()).isEmpty();
        }
        JsonNode r = JSON.readTree(record.toFile());
        assertThat(r.get("kind").asText()).isEqualTo("tcp_syn_flood");
        assertThat(r.get("active").asBoolean()).isFalse();
        assertThat(r.get("packets").asLong()).isBetween(4_500L, 5_000L);
        assertThat(r.get("top_sources").get(0).get("address").asText()).startsWith("198.1"); // the archive is forensic: in full
        assertThat(record.resolveSibling(FLOOD_RECORD + ".pcap")).isRegularFile();
        assertThat(r.get("block_rules").get("timeout_seconds").asLong()).isEqualTo(6 * 3600);
    }

    @Test
    void anAttackStillOpenAtShutdownIsArchivedAsItStands() throws Exception {
        Path flood = capture("flood.pcap", new SynFlood(5000, 0).bytes);
        FileFeed file = new FileFeed(flood, ReplaySpeed.MAX);
        // a live source that stops mid-attack (a file read to its end ends its attacks: RunHistoryTest)
        PacketFeed live = new PacketFeed() {
            @Override
            public void run(netwarden.model.ingest.IngestPort port, java.util.function.BooleanSupplier stop) throws Exception {
                file.run(port, stop);
            }

            @Override
            public String describe() {
                return "live stand-in";
            }
        };
        runToEnd(config(DISCOVERY), live);
        JsonNode r = JSON.readTree(dir.resolve("state/incidents/" + FLOOD_RECORD + ".json").toFile());
        assertThat(r.get("kind").asText()).isEqualTo("tcp_syn_flood");
        assertThat(r.get("active").asBoolean()).isTrue();
        assertThat(r.get("end").isNull()).isTrue();
        assertThat(r.get("block_rules").get("timeout_seconds").asLong()).as("the default").isEqualTo(3600);
    }

    @Test
    void withoutBaselinesNothingIsReadOrWritten() throws Exception {
        NetwardenConfig noBaselines = config("detection: {baselines: false}");
        runToEnd(noBaselines, new FileFeed(capture("game.pcap", new GameCapture().bytes), ReplaySpeed.MAX));
        assertThat(dir.resolve("state/baselines.json")).doesNotExist();
    }

    private static long counter(LiveRuntime runtime, String name) {
        return runtime.registry().scrape(name::equals).stream()
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .mapToLong(d -> (long) d.getValue()).sum();
    }

    /** A source that ends at once. */
    static final class NoPackets implements PacketFeed {
        @Override
        public void run(netwarden.model.ingest.IngestPort engine, java.util.function.BooleanSupplier stop) {}

        @Override
        public String describe() {
            return "nothing";
        }
    }
}
