package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import netwarden.app.Http;
import netwarden.app.capture.CaptureFeed;
import netwarden.app.config.NetwardenConfig;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;
import netwarden.testkit.OpenArena;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netwarden's own query packets, end to end through {@code run}: the real OpenArena server on 127.0.0.1,
 * libpcap capturing the loopback live, and the server's game port both queried by netwarden (from
 * 127.0.0.1) and asked the very same {@code getstatus} by a stand-in player at 127.0.0.3. The player
 * thresholds are lowered so that one query a second would make a player: only 127.0.0.3 may become one,
 * and the service's traffic is exactly the stand-in's packets.
 */
class OwnQueryPacketsRunTest {
    private static final String PLAYER = "127.0.0.3";

    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        OpenArena.stop(server);
    }

    @Test
    void ownQueriesAreNeitherPlayerNorSourceWhileTheSameTrafficFromAnotherAddressIs() throws Exception {
        assumeTrue(OpenArena.installed(), "openarena-server is not installed (Debian package openarena-server)");
        int gamePort = OpenArena.freeUdpPort();
        server = OpenArena.start(dir, gamePort, "own packets", 0);
        NetwardenConfig c = GameRunTest.config(dir, """
                services:
                  - name: oa
                    address: 127.0.0.1
                    port: %d
                    query: quake3
                    query-interval: 1s
                    query-timeout: 500ms
                players: {min-pps-in: 0.5, min-pps-out: 0.5, activity-window: 10s, join-after: 2s}
                capture: {mode: pcap, interfaces: [lo], bpf-filter: "udp port %d", immediate: true}
                """.formatted(gamePort, gamePort));
        CaptureFeed live;
        try {
            live = CaptureFeed.prepare(c.capture(), Clock.SYSTEM);
        } catch (netwarden.sources.live.CaptureException e) {
            assumeTrue(false, "pcap capture on lo is not possible here (needs libpcap and CAP_NET_RAW): " + e.getMessage());
            return;
        }
        try (LiveRuntime runtime = new LiveRuntime(c, live)) {
            live.registerMetrics(runtime.registry());
            live.open();
            runtime.start();
            int port = runtime.port();
            Http.await(port, "/api/v1/services", GameRunTest.TOKEN, Duration.ofSeconds(20), a -> a.body().contains("\"up\":true"));
            long sent = 0;
            try (DatagramSocket player = new DatagramSocket(new InetSocketAddress(PLAYER, 0))) {
                byte[] ask = "\u00ff\u00ff\u00ff\u00ffgetstatus".getBytes(StandardCharsets.ISO_8859_1);
                var to = new InetSocketAddress(InetAddress.getLoopbackAddress(), gamePort);
                long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (System.nanoTime() < until && !isPlayer(runtime, PLAYER)) { // bounded: 15 s, 2 packets a second
                    player.send(new DatagramPacket(ask, ask.length, to));
                    sent++;
                    Thread.sleep(500);
                }
            }
            assertThat(isPlayer(runtime, PLAYER)).as("the stand-in's getstatus twice a second makes a player").isTrue();
            long expected = sent;
            awaitTrue(() -> oa(runtime).packetsIn() == expected, Duration.ofSeconds(5)); // else the assertion below says what it is
            String metrics = Http.get(port, "/metrics", GameRunTest.TOKEN).body();
            long ownBefore = counter(metrics, "netwarden_own_packets_total");
            assertThat(ownBefore).as("the capture saw netwarden's queries and the engine dropped them").isPositive();
            assertThat(awaitTrue(() -> counter(Http.get(port, "/metrics", GameRunTest.TOKEN).body(), "netwarden_own_packets_total")
                    >= ownBefore + 2, Duration.ofSeconds(5))).as("one more query and its answer went by meanwhile").isTrue();

            EngineSnapshot snap = runtime.snapshots().get();
            assertThat(snap.players()).extracting(p -> p.address().toString()).containsExactly(PLAYER);
            ServiceSnapshot oa = oa(runtime);
            assertThat(oa.packetsIn()).as("the service's traffic in is the stand-in's packets, not one query more").isEqualTo(sent);
            for (WindowStats w : oa.recent()) {
                assertThat(w.distinctSources()).as("second %d", w.startSecond()).isLessThanOrEqualTo(1);
                assertThat(w.topSources()).extracting(SourceCount::address).extracting(Object::toString).allMatch(PLAYER::equals);
            }
            assertThat(snap.services()).extracting(ServiceSnapshot::id).as("no service discovered from the query's port").containsExactly("oa");
        }
    }

    private static ServiceSnapshot oa(LiveRuntime runtime) {
        return runtime.snapshots().get().service("oa");
    }

    private static boolean isPlayer(LiveRuntime runtime, String address) {
        for (PlayerSnapshot p : runtime.snapshots().get().players()) if (p.address().toString().equals(address)) return true;
        return false;
    }

    private static long counter(String metrics, String name) {
        for (String line : metrics.split("\n"))
            if (line.startsWith(name + " ")) return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
        throw new AssertionError("no " + name + " in the metrics");
    }

    /** Whether {@code done} came true within {@code timeout} (polled every 50 ms). */
    private static boolean awaitTrue(java.util.concurrent.Callable<Boolean> done, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.call()) {
            if (System.nanoTime() > until) return false;
            Thread.sleep(50);
        }
        return true;
    }
}
