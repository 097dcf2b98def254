package netwarden.app.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.run.FileFeed;
import netwarden.app.run.LiveRuntime;
import netwarden.sources.live.Netns;
import netwarden.testkit.RouterLab;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router profile through {@code run}'s runtime, in namespaces the test makes (a LAN device, a router with
 * conntrack accounting, an NFLOG drop rule and a real dnsmasq, a WAN host): what the device does is stored and
 * served by the API with the counts that were sent, the domain it was answered, the drop with the rule's prefix,
 * a port scan scored once and grouped into one incident, an allowlisted destination not scored; and a burst of
 * 100 k short connections overruns the conntrack socket, is re-synced by dump and leaves nothing stuck.
 */
class RouterRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "router-run-test-token-0123456789";

    @TempDir
    Path dir;
    private RouterLab lab;
    private Process dnsmasq;

    @BeforeEach
    void lab() throws Exception {
        String why = RouterLab.unavailableReason();
        assumeTrue(why == null, why);
        assumeTrue(RouterLab.hasDnsmasq(), "needs dnsmasq (Debian: dnsmasq)");
        lab = RouterLab.create();
        Path hosts = Files.writeString(dir.resolve("hosts"), RouterLab.WAN + " game.example.test\n");
        dnsmasq = lab.dnsmasq(hosts, dir.resolve("dnsmasq.log"), dir.resolve("dnsmasq.out"));
    }

    @AfterEach
    void close() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) dnsmasq.destroyForcibly();
        }
        if (lab != null) lab.close();
    }

    private NetwardenConfig config(int receiveBuffer) throws Exception {
        Path empty = Files.write(dir.resolve("empty.pcap"), PcapWriter.micros(1).raw(new byte[0]).toByteArray());
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                api: {tokens: [{name: test, token: %s, full-addresses: true}]}
                state: {dir: "%s"}
                source: {pcap: "%s", speed: max}
                router:
                  lan: [10.99.1.0/24, "fd99:1::/64"]
                  netns: /run/netns/%s
                  conntrack: {receive-buffer: %d}
                  dns: {log: "%s", poll-interval: 100ms}
                  nflog: [{group: %d, action: drop}]
                  anomalies: {scan-ports: 20, incident-quiet: 1h}
                  rules: [{type: allow, remote: "fd99:2::/64"}]
                """.formatted(TOKEN, dir.resolve("state"), empty, lab.routerNs, receiveBuffer, dir.resolve("dnsmasq.log"),
                RouterLab.NFLOG_GROUP));
    }

    @Test
    void whatTheDeviceDidIsStoredScoredAndServed() throws Exception {
        try (var runtime = started(config(8 << 20))) {
            int port = runtime.port();
            Http.await(port, "/metrics", TOKEN, Duration.ofSeconds(20), a -> a.body().contains("netwarden_router_station_queue_depth"));
            // DNS: the device asks the router's dnsmasq
            assertThat(Netns.call(lab.path(lab.lanNs), () -> RouterLab.dnsQuery("game.example.test"))).endsWith(InetAddress.getByName(RouterLab.WAN).getAddress());
            Http.await(port, "/api/v1/router/dns?device=10.99.1.2", TOKEN, Duration.ofSeconds(20), a -> a.body().contains("game.example.test"));
            // UDP: 1000 bytes out, 500 back (conntrack counts IP bytes: 28 bytes of headers each)
            try (DatagramSocket server = Netns.call(lab.path(lab.wanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.WAN, 7000)));
                 DatagramSocket client = Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                server.setSoTimeout(5000);
                client.setSoTimeout(5000);
                client.send(new DatagramPacket(new byte[1000], 1000, InetAddress.getByName(RouterLab.WAN), 7000));
                DatagramPacket got = new DatagramPacket(new byte[2000], 2000);
                server.receive(got);
                server.send(new DatagramPacket(new byte[500], 500, got.getSocketAddress()));
                client.receive(new DatagramPacket(new byte[2000], 2000));
            }
            // TCP: 10,000 bytes out, 5,000 back
            try (ServerSocket server = Netns.call(lab.path(lab.wanNs), () -> new ServerSocket(8443, 5, InetAddress.getByName(RouterLab.WAN)));
                 Socket client = Netns.call(lab.path(lab.lanNs), () -> new Socket(RouterLab.WAN, 8443))) {
                client.getOutputStream().write(new byte[10_000]);
                client.shutdownOutput();
                try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
                    assertThat(in.readAllBytes()).hasSize(10_000);
                    accepted.getOutputStream().write(new byte[5_000]);
                }
                assertThat(client.getInputStream().readAllBytes()).hasSize(5_000);
            }
            // ICMP: two echoes of 100 bytes of data (128 IP bytes each way)
            RouterLab.run("ip", "netns", "exec", lab.lanNs, "hping3", "-1", "-c", "2", "-i", "u100000", "-d", "100", RouterLab.WAN);
            // a drop: the router's rule logs TCP port 9 to NFLOG and drops it
            Netns.call(lab.path(lab.lanNs), () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(RouterLab.WAN, 9), 300);
                } catch (java.io.IOException expected) {
                    // dropped: the connect times out
                }
                return null;
            });
            // a port scan of the WAN host (scored) and of the allowlisted v6 host (not scored)
            try (DatagramSocket client = Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)));
                 DatagramSocket client6 = Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN6, 0)))) {
                for (int p = 3000; p < 3030; p++) {
                    client.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN), p));
                    client6.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN6), p));
                }
            }
            // the connections end: the router forgets them (DESTROY carries the final counters)
            lab.inRouter("conntrack", "-D", "-s", RouterLab.LAN);

            JsonNode udp = connection(port, "p", c -> c.path("port").asInt() == 7000);
            assertThat(udp.get("bytes_out").asLong()).isEqualTo(1028);
            assertThat(udp.get("bytes_in").asLong()).isEqualTo(528);
            assertThat(udp.get("packets_out").asLong()).isEqualTo(1);
            assertThat(udp.get("packets_in").asLong()).isEqualTo(1);
            assertThat(udp.get("domain").asText()).isEqualTo("game.example.test");
            assertThat(udp.get("device").asText()).isEqualTo(RouterLab.LAN);
            JsonNode tcp = connection(port, "t", c -> c.path("port").asInt() == 8443);
            long packetsOut = tcp.get("packets_out").asLong(), packetsIn = tcp.get("packets_in").asLong();
            assertThat(tcp.get("bytes_out").asLong()).as("payload plus 40-80 header bytes a packet")
                    .isBetween(10_000 + 40 * packetsOut, 10_000 + 80 * packetsOut);
            assertThat(tcp.get("bytes_in").asLong()).isBetween(5_000 + 40 * packetsIn, 5_000 + 80 * packetsIn);
            JsonNode icmp = connection(port, "i", c -> c.path("proto").asInt() == 1);
            assertThat(icmp.get("bytes_out").asLong()).isEqualTo(256);
            assertThat(icmp.get("bytes_in").asLong()).isEqualTo(256);

            Http.Answer drops = Http.await(port, "/api/v1/router/firewall?device=10.99.1.2", TOKEN, Duration.ofSeconds(20),
                    a -> a.body().contains("nw-drop"));
            JsonNode drop = JSON.readTree(drops.body()).get("firewall").get(0);
            assertThat(drop.get("action").asText()).isEqualTo("drop");
            assertThat(drop.get("prefix").asText()).isEqualTo(RouterLab.DROP_PREFIX);
            assertThat(drop.get("port").asInt()).isEqualTo(9);

            Http.Answer scans = Http.await(port, "/api/v1/anomalies?code=PORT_SCAN_LIKE", TOKEN, Duration.ofSeconds(20),
                    a -> a.body().contains("PORT_SCAN_LIKE"));
            JsonNode scan = JSON.readTree(scans.body()).get("anomalies");
            assertThat(scan).as("one hit: the allowlisted v6 host is not scored").hasSize(1);
            assertThat(scan.get(0).get("remote").asText()).isEqualTo(RouterLab.WAN);
            assertThat(scan.get(0).get("score").asInt()).isEqualTo(60);
            String incident = scan.get(0).get("incident").asText();
            JsonNode all = JSON.readTree(Http.get(port, "/api/v1/anomalies", TOKEN).body()).get("anomalies");
            assertThat(all).allSatisfy(a -> {
                assertThat(a.get("incident").asText()).as("every hit of the device in one incident").isEqualTo(incident);
                assertThat(a.get("remote").asText()).doesNotStartWith("fd99:2:");
            });
            Http.Answer inc = Http.await(port, "/api/v1/incidents/" + incident, TOKEN, Duration.ofSeconds(20), a -> a.status() == 200);
            JsonNode i = JSON.readTree(inc.body());
            assertThat(i.get("scope").asText()).isEqualTo("device");
            assertThat(i.get("target").asText()).isEqualTo(RouterLab.LAN);
            assertThat(i.get("active").asBoolean()).isTrue();

            // devices: seen, renamed with a token that may write
            Http.await(port, "/api/v1/devices", TOKEN, Duration.ofSeconds(20), a -> a.body().contains(RouterLab.LAN));
            assertThat(Http.post(port, "/api/v1/devices/" + RouterLab.LAN, TOKEN, "{\"name\": \"laptop\"}").status()).isEqualTo(200);
            assertThat(Http.get(port, "/api/v1/devices", TOKEN).body()).contains("\"name\":\"laptop\"");
            // the console has the router's pages (the profile is on): the device's page shows what it did
            assertThat(consolePage(port, runtime.consoleSignInLink("test"), "/devices/" + RouterLab.LAN))
                    .contains("laptop").contains("game.example.test").contains(RouterLab.DROP_PREFIX).contains("PORT_SCAN_LIKE");
            assertThat(Http.post(port, "/api/v1/devices/10.99.1.77", TOKEN, "{\"name\": \"x\"}").status()).isEqualTo(404);
            // rules: add, list, remove; the config's rule cannot be removed here
            Http.Answer added = Http.post(port, "/api/v1/router/rules", TOKEN, "{\"type\": \"suppress\", \"code\": \"NEW_DST\"}");
            assertThat(added.status()).isEqualTo(201);
            String id = JSON.readTree(added.body()).get("id").asText();
            assertThat(Http.get(port, "/api/v1/router/rules", TOKEN).body()).contains(id).contains("fd99:2::/64");
            assertThat(Http.delete(port, "/api/v1/router/rules/config-0", TOKEN).status()).isEqualTo(409);
            assertThat(Http.delete(port, "/api/v1/router/rules/" + id, TOKEN).status()).isEqualTo(200);
            assertThat(Http.post(port, "/api/v1/router/rules", TOKEN, "{\"type\": \"allow\"}").status()).isEqualTo(400);
            assertThat(Http.get(port, "/api/v1/connections?from=yesterday", TOKEN).status()).isEqualTo(400);
        }
        assertThat(dir.resolve("state/router/baselines.json")).exists();
    }

    @Test
    void aBurstOf100kConnectionsOverrunsIsResyncedAndLeavesNothingStuck() throws Exception {
        try (var runtime = started(config(4096))) {
            int port = runtime.port();
            Http.await(port, "/metrics", TOKEN, Duration.ofSeconds(20), a -> a.body().contains("netwarden_router_station_queue_depth"));
            // 100,000 distinct connections: two source ports, 50,000 destination ports each
            InetAddress wan = InetAddress.getByName(RouterLab.WAN);
            for (int socket = 0; socket < 2; socket++) {
                try (DatagramSocket client = Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                    for (int i = 0; i < 50_000; i++) {
                        if (i % 200 == 199) Thread.sleep(1); // stay under the veth backlog (netdev_max_backlog)
                        client.send(new DatagramPacket(new byte[1], 1, wan, 10_000 + i));
                    }
                }
            }
            Http.await(port, "/metrics", TOKEN, Duration.ofSeconds(60), a -> metric(a.body(), "netwarden_router_resyncs_total{source=\"conntrack\"}") > 0);
            assertThat(metric(Http.get(port, "/metrics", TOKEN).body(), "netwarden_router_overruns_total{source=\"conntrack\"}")).isPositive();
            // the burst ends: every entry goes (DESTROY events, overrunning again); what the station tracked is let go
            lab.inRouter("conntrack", "-F");
            Http.await(port, "/metrics", TOKEN, Duration.ofSeconds(60), a -> metric(a.body(), "netwarden_router_open_connections") == 0
                    && metric(a.body(), "netwarden_router_station_queue_depth") == 0);
            // nothing stuck: a connection after the burst is stored
            try (DatagramSocket client = Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                client.send(new DatagramPacket(new byte[100], 100, InetAddress.getByName(RouterLab.WAN), 5555));
            }
            Thread.sleep(200);
            lab.inRouter("conntrack", "-D", "-p", "udp", "--dport", "5555");
            JsonNode after = connection(port, "b", c -> c.path("port").asInt() == 5555);
            assertThat(after.get("bytes_out").asLong()).isEqualTo(128);
        }
    }

    /** {@code run}'s runtime on an empty capture file (it ends at once; the router sources run on until close). */
    private static LiveRuntime started(NetwardenConfig config) throws Exception {
        var runtime = new LiveRuntime(config, new FileFeed(config.source().pcap(), ReplaySpeed.MAX));
        runtime.start();
        return runtime;
    }

    private static long metric(String exposition, String series) {
        for (String line : exposition.split("\n"))
            if (line.startsWith(series + " ")) return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
        return -1;
    }

    private static JsonNode connection(int port, String what, java.util.function.Predicate<JsonNode> match) throws Exception {
        String path = "/api/v1/connections?device=" + RouterLab.LAN + "&remote=" + RouterLab.WAN + "&limit=10000";
        Http.Answer a = Http.await(port, path, TOKEN, Duration.ofSeconds(30), x -> {
            try {
                for (JsonNode c : JSON.readTree(x.body()).get("connections")) if (match.test(c)) return true;
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        for (JsonNode c : JSON.readTree(a.body()).get("connections")) if (match.test(c)) return c;
        throw new AssertionError(what);
    }

    /** A console page, signed in through a one-time link (its session cookie). */
    private static String consolePage(int port, String link, String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var signIn = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
