package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/netwarden run} as a real process: serves the discovered service, stops cleanly on
 * SIGTERM; over HTTPS with client certificates and with notifications to Discord from the environment.
 */
class RunProcessIT {
    private static final String TOKEN = "process-test-token-0123456789";

    @TempDir
    Path dir;

    @BeforeAll
    static void jarExists() {
        Launcher.requireJar();
    }

    /** {@code run} of the game capture as a child process, its output collected. */
    private record Child(Process process, int port, Path pcap, CompletableFuture<String> err, CompletableFuture<String> out) {}

    private Child run(String speed) throws IOException {
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        int port = freePort();
        // A short request time limit, so the test of it does not wait out the 30 s default.
        Process p = Launcher.builder(Map.of("NETWARDEN_API_TOKEN", TOKEN, "XDG_STATE_HOME", dir.toString(),
                        "NETWARDEN_JAVA_OPTS", "-Dsun.net.httpserver.maxReqTime=2"),
                List.of("run", "--pcap", pcap.toString(), "--speed", speed, "--listen", "127.0.0.1:" + port)).start();
        p.getOutputStream().close();
        return new Child(p, port, pcap, CompletableFuture.supplyAsync(() -> read(p.getErrorStream())),
                CompletableFuture.supplyAsync(() -> read(p.getInputStream())));
    }

    @Test
    void runServesTheFileAndShutsDownOnSigterm() throws Exception {
        Child child = run("max");
        Process p = child.process();
        int port = child.port();
        CompletableFuture<String> err = child.err(), out = child.out();
        try {
            String everything = "\"packets_in\":" + new GameCapture().rows.get("udp/27960")[0];
            // The whole file has been counted once the service holds every packet of it (Bob's leave can come earlier).
            Http.Answer a = Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(30),
                    r -> r.status() == 200 && r.body().contains("\"id\":\"10.0.0.1-udp-27960\"") && r.body().contains(everything));
            assertThat(a.body()).contains("\"players_peak\":2").contains("\"players_now\":1"); // Bob has left
            assertThat(Http.get(port, "/metrics", TOKEN).body()).contains("netwarden_packets_total");
            // The file was read to its end: healthy, and saying so (a live source that ended would be 503).
            Http.Answer health = Http.await(port, "/healthz", null, Duration.ofSeconds(30), r -> r.body().contains("\"done\""));
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"done\",\"reason\":\"the capture file was read to its end; its final state is served\"}");
            // Half a request: the server drops the connection when the request time runs out, not never.
            try (var slow = new java.net.Socket("127.0.0.1", port)) {
                slow.setSoTimeout(20_000);
                slow.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                long t0 = System.nanoTime();
                assertThat(slow.getInputStream().read()).as("connection closed").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            }
        } finally {
            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our ends of its output
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        assertThat(p.exitValue()).as("SIGTERM is a clean stop: exit 0, not 128 + 15").isZero();
        String log = err.get(5, TimeUnit.SECONDS);
        assertThat(log).contains("serving http://127.0.0.1:" + port).contains("tokens: env")
                .contains("source ended").contains("received SIGTERM").contains("stopping").contains("stopped")
                .doesNotContain(TOKEN);
        assertThat(out.get(5, TimeUnit.SECONDS)).isEmpty();
        // The learned baselines were saved at shutdown, in the state directory the environment chose.
        assertThat(log).contains("state: " + dir.resolve("netwarden"));
        assertThat(dir.resolve("netwarden/baselines.json")).isRegularFile().content().contains("\"service:10.0.0.1-udp-27960:pps\"");
    }

    @Test
    void aDamagedStateIsMovedAsideWithAWarningButAStateDirThatIsAFileIsExitTwo() throws Exception {
        // Under Restart=on-failure, a start that fails on its own state would be a crash loop.
        Path state = Files.createDirectories(dir.resolve("netwarden/returning")).getParent();
        Files.write(state.resolve("returning/seen-salt"), new byte[5]);
        Files.writeString(state.resolve("incidents"), "x");
        Files.createSymbolicLink(state.resolve("baselines.json"), Path.of("/dev/zero"));
        Child child = run("max");
        Process p = child.process();
        try {
            Http.await(child.port(), "/healthz", null, Duration.ofSeconds(30), r -> r.status() == 200);
        } finally {
            p.toHandle().destroy();
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(child.err().get(5, TimeUnit.SECONDS)).contains(
                "WARN", "returning-player store: " + state.resolve("returning/seen-salt") + " holds 5 bytes",
                "moved aside to " + state.resolve("returning/seen-salt.corrupt"),
                "incidents directory " + state.resolve("incidents") + " was not a directory; moved aside",
                "detection baselines " + state.resolve("baselines.json") + " cannot be used", "not a regular file");
        assertThat(state.resolve("incidents")).isDirectory();

        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "a file");
        Process refused = Launcher.builder(Map.of("NETWARDEN_API_TOKEN", TOKEN, "STATE_DIRECTORY", elsewhere.toString()),
                List.of("run", "--pcap", child.pcap().toString(), "--listen", "127.0.0.1:" + freePort())).start();
        refused.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(refused.getErrorStream()));
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(err.get(5, TimeUnit.SECONDS)).contains("state.dir " + elsewhere + " is not a directory: move that file away");
    }

    @Test
    void demoStopsOnSigtermWithStatusZero() throws Exception {
        int port = freePort();
        Process p = Launcher.builder(Map.of("XDG_STATE_HOME", dir.toString()),
                List.of("demo", "--listen", "127.0.0.1:" + port, "--seed", "7")).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        try {
            Http.await(port, "/healthz", null, Duration.ofSeconds(30), r -> r.status() == 200);
        } finally {
            p.toHandle().destroy(); // SIGTERM
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        assertThat(p.exitValue()).as("SIGTERM (or Ctrl-C) ends the demo cleanly: exit 0").isZero();
        assertThat(err.get(5, TimeUnit.SECONDS)).contains("demo serving").contains("received SIGTERM");
        assertThat(out.get(5, TimeUnit.SECONDS)).contains("netwarden demo: synthetic traffic");
    }

    @Test
    void aSourceThatFailsWhileRunningEndsTheProcessWithStatusOne() throws Exception {
        Child child = run("realtime");
        Process p = child.process();
        Path pcap = child.pcap();
        try {
            Http.await(child.port(), "/api/v1/services", TOKEN, Duration.ofSeconds(30), r -> r.status() == 200);
            assertThat(Http.get(child.port(), "/healthz", null).body()).as("replaying in real time").isEqualTo("{\"status\":\"ok\"}");
            // The file is mapped: cutting it under the replay makes the next read fault, as a dying capture would fail.
            try (var f = java.nio.channels.FileChannel.open(pcap, java.nio.file.StandardOpenOption.WRITE)) {
                f.truncate(24 + 16);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ended by itself").isTrue();
        } finally {
            if (p.isAlive()) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(child.err().get(5, TimeUnit.SECONDS)).contains("packet source stopped with an error")
                .contains("the packet source failed").contains("stopped");
    }

    @Test
    void runServesHttpsWithTlsInitCertificatesAndNotifiesDiscord() throws Exception {
        Path tls = dir.resolve("tls");
        CliRun init = CliRun.of("tls", "init", tls.toString(), "--hosts", "localhost,127.0.0.1");
        assertThat(init.code()).as(init.err()).isZero();
        Path web = tls.resolve("web.yml"); // written by tls init
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        int port = freePort();
        try (FakeDiscord discord = new FakeDiscord()) {
            Process p = Launcher.builder(Map.of("NETWARDEN_API_TOKEN", TOKEN, "XDG_STATE_HOME", dir.toString(),
                            "XDG_CACHE_HOME", dir.toString(), "NETWARDEN_DISCORD_WEBHOOK", discord.url()),
                    List.of("run", "--pcap", pcap.toString(), "--speed", "max", "--listen", "127.0.0.1:" + port,
                            "--web-config", web.toString())).start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            try {
                TlsClient client = TlsClient.of(tls, true);
                String url = "https://127.0.0.1:" + port + "/api/v1/services";
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                Http.Answer a = null;
                // Until Bob has left: the end of the file.
                while (System.nanoTime() < deadline && !(a != null && a.body().contains("\"players_peak\":2")
                        && a.body().contains("\"players_now\":1"))) {
                    try {
                        a = client.get(url, TOKEN);
                    } catch (IOException notListeningYet) {
                        // the JVM is still starting
                    }
                    Thread.sleep(100);
                }
                assertThat(a).as("an answer over HTTPS").isNotNull();
                assertThat(a.body()).contains("\"id\":\"10.0.0.1-udp-27960\"", "\"players_now\":1", "\"players_peak\":2");
                assertThat(discord.await(Duration.ofSeconds(10), t -> t.size() >= 4)).containsExactly(
                        "New service discovered: udp 10.0.0.1:27960", "Player joined 10.0.0.1-udp-27960",
                        "Player joined 10.0.0.1-udp-27960", "Player left 10.0.0.1-udp-27960");
            } finally {
                p.toHandle().destroy();
            }
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
            String log = err.get(5, TimeUnit.SECONDS);
            assertThat(log).contains("serving https://127.0.0.1:" + port + " (HTTPS, client certificates required;",
                    "notifications to discord (discord)").doesNotContain(TOKEN, "secret-webhook-token");
            assertThat(out.get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
