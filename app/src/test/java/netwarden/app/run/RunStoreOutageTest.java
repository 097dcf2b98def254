package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.model.ingest.IngestPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with {@code store.url: postgresql://…} and PostgreSQL stopped mid-run (zonky): the pipeline reads
 * the whole capture anyway, the failures are counted, the history API answers 503 meanwhile, and when
 * PostgreSQL is back the queued rows are written and served.
 */
class RunStoreOutageTest {
    private static final String TOKEN = "outage-test-token-0123456789";

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void postgresStoppedMidRunLosesNothingTheQueueHoldsAndRecovers() throws Exception {
        int pgPort = freePort();
        Path data = dir.resolve("pg");
        EmbeddedPostgres pg = postgres(data, pgPort);
        NetwardenConfig config = new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString(), "NETWARDEN_API_TOKEN", TOKEN)).parse("t.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                services: [{name: arena, address: 10.0.0.1, port: 27960}]
                store: {url: "postgresql://postgres:postgres@127.0.0.1:%d/postgres"}
                """.formatted(dir.resolve("state"), pgPort));
        CountDownLatch stopped = new CountDownLatch(1);
        FileFeed file = new FileFeed(Files.write(dir.resolve("game.pcap"), new GameCapture().bytes), ReplaySpeed.MAX);
        PacketFeed afterOutage = new PacketFeed() { // the capture is read only once PostgreSQL is down
            @Override
            public void run(IngestPort port, BooleanSupplier stop) throws Exception {
                while (!stopped.await(50, TimeUnit.MILLISECONDS)) if (stop.getAsBoolean()) return;
                file.run(port, stop);
            }

            @Override
            public boolean finite() {
                return true;
            }

            @Override
            public String describe() {
                return "game capture after the outage";
            }
        };
        try (LiveRuntime runtime = new LiveRuntime(config, afterOutage)) {
            runtime.start(); // migrates PostgreSQL
            int port = runtime.port();
            pg.close();
            stopped.countDown();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).as("the pipeline does not wait for the store").isTrue();
            assertThat(runtime.feedFailure()).isNull();
            assertThat(Http.get(port, "/healthz", null).body()).contains("\"done\"");
            Http.Answer down = Http.await(port, "/api/v1/events", TOKEN, Duration.ofSeconds(20), a -> a.status() == 503);
            assertThat(down.body()).contains("store does not answer");
            awaitCounter(runtime, "netwarden_store_errors_total", n -> n > 0);
            assertThat(counter(runtime, "netwarden_store_rows_total")).as("nothing written while down").isZero();

            pg = postgres(data, pgPort); // back
            Http.Answer sessions = Http.await(port, "/api/v1/players/sessions?service=arena", TOKEN, Duration.ofSeconds(60),
                    a -> a.status() == 200 && a.body().contains(GameCapture.BOB.substring(0, 6)));
            assertThat(sessions.body()).contains("\"service\":\"arena\"");
            awaitCounter(runtime, "netwarden_store_rows_total", n -> n > 0);
            assertThat(counter(runtime, "netwarden_store_dropped_rows_total")).as("the queue held everything").isZero();
            assertThat(Http.get(port, "/api/v1/events?kind=player_joined", TOKEN).body()).contains("player_joined");
        } finally {
            pg.close();
        }
    }

    private static long counter(LiveRuntime runtime, String name) {
        String base = name.replaceAll("_total$", "");
        return runtime.registry().scrape(base::equals).stream()
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .mapToLong(d -> (long) d.getValue()).sum();
    }

    private static void awaitCounter(LiveRuntime runtime, String name, java.util.function.LongPredicate until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!until.test(counter(runtime, name))) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + " still " + counter(runtime, name));
            Thread.sleep(50);
        }
    }
}
