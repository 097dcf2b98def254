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

/** {@code bin/netwarden run} as a real process: serves the discovered service, stops cleanly on SIGTERM. */
class RunProcessIT {
    private static final String TOKEN = "process-test-token-0123456789";

    @TempDir
    Path dir;

    @BeforeAll
    static void jarExists() {
        Launcher.requireJar();
    }

    @Test
    void runServesTheFileAndShutsDownOnSigterm() throws Exception {
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        int port = freePort();
        Process p = Launcher.builder(Map.of("NETWARDEN_API_TOKEN", TOKEN, "XDG_STATE_HOME", dir.toString()),
                List.of("run", "--pcap", pcap.toString(), "--speed", "max", "--listen", "127.0.0.1:" + port)).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        try {
            Http.Answer a = Http.await(port, "/api/v1/services", TOKEN, Duration.ofSeconds(30),
                    r -> r.status() == 200 && r.body().contains("\"id\":\"10.0.0.1-udp-27960\"") && r.body().contains("\"players_peak\":2"));
            assertThat(a.body()).contains("\"players_now\":1");
            assertThat(Http.get(port, "/metrics", TOKEN).body()).contains("netwarden_packets_total");
        } finally {
            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our ends of its output
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
        String log = err.get(5, TimeUnit.SECONDS);
        assertThat(log).contains("serving http://127.0.0.1:" + port).contains("tokens: env")
                .contains("source ended").contains("stopping").contains("stopped")
                .doesNotContain(TOKEN);
        assertThat(out.get(5, TimeUnit.SECONDS)).isEmpty();
        // The learned baselines were saved at shutdown, in the state directory the environment chose.
        assertThat(log).contains("state: " + dir.resolve("netwarden"));
        assertThat(dir.resolve("netwarden/baselines.json")).isRegularFile().content().contains("\"service:10.0.0.1-udp-27960:pps\"");
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
