package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.model.Clock;
import netwarden.model.ingest.IngestPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz} of the live runtime follows its pipeline: done, stalled, failed, ok. */
class LiveRuntimeHealthTest {
    /** Longer than a second, the time between closed seconds of an idle live source. */
    private static final Duration STALL = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private NetwardenConfig config() {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                """.formatted(dir.resolve("state")));
    }

    /** A live source without traffic: it closes seconds as the clock passes; with {@code tick} false, a stuck one. */
    private static PacketFeed idle(boolean tick) {
        return new PacketFeed() {
            @Override
            public void run(IngestPort port, BooleanSupplier stop) throws InterruptedException {
                while (!stop.getAsBoolean()) {
                    if (tick) port.advanceTo(Clock.SYSTEM.nanos());
                    Thread.sleep(5);
                }
            }

            @Override
            public String describe() {
                return tick ? "idle" : "stuck";
            }
        };
    }

    @Test
    void aFileReadToItsEndIsDone() throws Exception {
        Path game = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        try (LiveRuntime runtime = new LiveRuntime(config(), new FileFeed(game, ReplaySpeed.MAX), LiveRuntime.SAVE_EVERY, STALL)) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            Http.Answer a = Http.get(runtime.port(), "/healthz", null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("{\"status\":\"done\",\"reason\":\"the capture file was read to its end; its final state is served\"}");
            assertThat(Http.get(runtime.port(), "/healthz", null).status()).as("and stays so, no stall").isEqualTo(200);
        }
    }

    @Test
    void aPipelineThatClosesNoSecondIsStalledAndOneThatDoesIsOk() throws Exception {
        try (LiveRuntime stuck = new LiveRuntime(config(), idle(false), LiveRuntime.SAVE_EVERY, STALL);
             LiveRuntime live = new LiveRuntime(configWithOtherState(), idle(true), LiveRuntime.SAVE_EVERY, STALL)) {
            stuck.start();
            live.start();
            Http.Answer a = Http.await(stuck.port(), "/healthz", null, Duration.ofSeconds(20), r -> r.status() == 503);
            assertThat(a.body()).startsWith("{\"status\":\"stalled\",\"reason\":\"no second closed for ").contains("the pipeline is stuck");
            // The idle live source has been running as long: its seconds close, so it is fine.
            assertThat(Http.get(live.port(), "/healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(metric(live)).isEqualTo(1);
            assertThat(metric(stuck)).isEqualTo(0);
        }
    }

    @Test
    void aSourceThatFailsIs503WithTheError() throws Exception {
        PacketFeed failing = new PacketFeed() {
            @Override
            public void run(IngestPort port, BooleanSupplier stop) throws IOException {
                throw new IOException("capture device went away");
            }

            @Override
            public String describe() {
                return "failing";
            }
        };
        try (LiveRuntime runtime = new LiveRuntime(config(), failing, LiveRuntime.SAVE_EVERY, STALL)) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            Http.Answer a = Http.get(runtime.port(), "/healthz", null);
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.body()).isEqualTo("{\"status\":\"failed\",\"reason\":\"the packet source stopped with an error: capture device went away\"}");
        }
    }

    private NetwardenConfig configWithOtherState() {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                """.formatted(dir.resolve("state2")));
    }

    private static double metric(LiveRuntime runtime) {
        return runtime.registry().scrape("netwarden_pipeline_healthy"::equals).stream()
                .flatMap(s -> ((io.prometheus.metrics.model.snapshots.GaugeSnapshot) s).getDataPoints().stream())
                .mapToDouble(d -> d.getValue()).sum();
    }
}
