package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/netwarden run --capture pcap --interface IF} on real traffic: two network namespaces of
 * its own joined by a veth pair (10.251.x.x, inside them only), netwarden in the root namespace
 * capturing in the monitor namespace ({@code capture.netns}), a bounded number of UDP packets sent
 * from the peer namespace, counted exactly by the API; then SIGTERM, and nothing left behind.
 */
class LiveCaptureIT {
    private static final String TOKEN = "capture-test-token-0123456789";
    private static final int PACKETS = 200;
    private static final int PORT = 27960;

    @TempDir
    Path dir;

    @BeforeAll
    static void canCapture() {
        Launcher.requireJar();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "creating network namespaces needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "iproute2 (ip) absent");
    }

    @Test
    void countsUdpPacketsSentInAnotherNamespaceExactly() throws Exception {
        long id = ProcessHandle.current().pid() % 100_000;
        String monitor = "nwmon" + id, peer = "nwpeer" + id, veth = "nwa" + id, peerVeth = "nwb" + id;
        String net = "10.251." + (id % 250) + ".";
        try {
            ip("netns", "add", monitor);
            ip("netns", "add", peer);
            ip("link", "add", veth, "type", "veth", "peer", "name", peerVeth);
            ip("link", "set", veth, "netns", monitor);
            ip("link", "set", peerVeth, "netns", peer);
            ip("-n", monitor, "addr", "add", net + "1/24", "dev", veth);
            ip("-n", peer, "addr", "add", net + "2/24", "dev", peerVeth);
            ip("-n", monitor, "link", "set", veth, "up");
            ip("-n", peer, "link", "set", peerVeth, "up");
            capture(monitor, peer, veth, net);
        } finally {
            cleanUp(monitor, peer);
        }
        assertThat(run("ip", "netns", "list")).doesNotContain(monitor).doesNotContain(peer);
        assertThat(run("ip", "-o", "link", "show")).doesNotContain(veth).doesNotContain(peerVeth);
    }

    private void capture(String monitor, String peer, String veth, String net) throws Exception {
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                services:
                  - name: arena
                    address: %s1
                    port: %d
                capture:
                  netns: %s
                """.formatted(net, PORT, monitor));
        int httpPort = freePort();
        Process p = Launcher.builder(Map.of("NETWARDEN_API_TOKEN", TOKEN, "XDG_STATE_HOME", dir.toString()),
                List.of("run", "--config", config.toString(), "--capture", "pcap", "--interface", veth,
                        "--listen", "127.0.0.1:" + httpPort)).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        try {
            Http.await(httpPort, "/healthz", null, Duration.ofSeconds(30), a -> a.status() == 200);
            // bash opens a UDP socket per redirection: PACKETS datagrams of 5 bytes from the peer to the service.
            run("ip", "netns", "exec", peer, "bash", "-c",
                    "for i in $(seq " + PACKETS + "); do printf hello > /dev/udp/" + net + "1/" + PORT + "; done");
            Http.Answer a = Http.await(httpPort, "/api/v1/services", TOKEN, Duration.ofSeconds(30),
                    r -> r.status() == 200 && r.body().contains("\"packets_in\":" + PACKETS));
            assertThat(a.body()).contains("\"id\":\"arena\"").contains("\"bytes_in\":" + PACKETS * (14 + 20 + 8 + 5));
            assertThat(Http.get(httpPort, "/metrics", TOKEN).body()).contains("netwarden_capture_");
        } finally {
            p.toHandle().destroy(); // SIGTERM
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).as("SIGTERM is a clean stop").isZero();
        String log = err.get(5, TimeUnit.SECONDS);
        assertThat(log).contains("capture mode pcap (configured)").contains("source: live capture, pcap on " + veth)
                .contains("stopped").doesNotContain(TOKEN);
        assertThat(out.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private static void cleanUp(String... namespaces) throws IOException, InterruptedException {
        for (String ns : namespaces) {
            if (Files.exists(Path.of("/run/netns", ns))) run("ip", "netns", "del", ns); // takes its veth end with it
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of("ip"));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    /** Runs a command; fails with its output when it does not exit 0. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
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
