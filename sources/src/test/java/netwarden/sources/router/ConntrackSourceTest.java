package netwarden.sources.router;

import netwarden.testkit.RouterLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import netwarden.decode.netlink.ConntrackCounters;
import netwarden.decode.netlink.ConntrackMessage.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conntrack events from a real kernel: a router namespace forwarding between a LAN and a WAN
 * namespace, traffic sent from the LAN, and the DESTROY counters checked against what was sent.
 */
class ConntrackSourceTest {
    static final Instant T0 = Instant.parse("2026-12-07T21:00:00Z");
    static RouterLab lab;

    @BeforeAll
    static void lab() throws Exception {
        String why = RouterLab.unavailableReason();
        assumeTrue(why == null, why);
        lab = RouterLab.create();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (lab != null) lab.close();
    }

    static RouterConfig config(int receiveBuffer) {
        return new RouterConfig(List.of(Prefix.parse("10.99.1.0/24")), List.of(), true, receiveBuffer, List.of(), null,
                false, null, "/run/netns/" + lab.routerNs);
    }

    @Test
    void udpTcpAndIcmpCountersEqualWhatWasSent() throws Exception {
        var events = new ConcurrentLinkedQueue<ConntrackEvent>();
        try (var source = new ConntrackSource(config(1 << 20), Clock.fixed(T0, ZoneOffset.UTC), events::add)) {
            assertThat(source.start()).as(source.unavailableReason()).isTrue();
            // UDP: 5 datagrams of 100 bytes to a listener in the WAN, each 128 bytes on the wire.
            try (DatagramSocket server = netwarden.sources.live.Netns.call(lab.path(lab.wanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.WAN, 7777)));
                 DatagramSocket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                for (int i = 0; i < 5; i++)
                    client.send(new DatagramPacket(new byte[100], 100, InetAddress.getByName(RouterLab.WAN), 7777));
                server.setSoTimeout(5000);
                for (int i = 0; i < 5; i++) server.receive(new DatagramPacket(new byte[200], 200));
            }
            // UDP over IPv6: 2 datagrams of 100 bytes, each 148 bytes on the wire (40-byte IPv6 header).
            try (DatagramSocket server = netwarden.sources.live.Netns.call(lab.path(lab.wanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.WAN6, 7778)));
                 DatagramSocket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN6, 0)))) {
                for (int i = 0; i < 2; i++)
                    client.send(new DatagramPacket(new byte[100], 100, InetAddress.getByName(RouterLab.WAN6), 7778));
                server.setSoTimeout(5000);
                for (int i = 0; i < 2; i++) server.receive(new DatagramPacket(new byte[200], 200));
            }
            // TCP: 10,000 bytes up, the server closes after reading them.
            try (ServerSocket server = netwarden.sources.live.Netns.call(lab.path(lab.wanNs), () -> new ServerSocket(8080, 5, InetAddress.getByName(RouterLab.WAN)))) {
                Thread reader = Thread.ofPlatform().start(() -> {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                        in.readAllBytes();
                    } catch (Exception ignored) {
                        // the assertions below see what arrived
                    }
                });
                try (Socket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new Socket(RouterLab.WAN, 8080)); OutputStream out = client.getOutputStream()) {
                    out.write(new byte[10_000]);
                }
                reader.join(5000);
            }
            // ICMP: 3 echo requests with 100 data bytes: 128 bytes each way per packet.
            RouterLab.run("ip", "netns", "exec", lab.lanNs, "hping3", "-1", "-c", "3", "-i", "u100000", "-d", "100", RouterLab.WAN);
            Thread.sleep(300); // the last TCP FIN/ACK and ICMP reply reach conntrack
            lab.inRouter("conntrack", "-F");

            ConntrackEvent udp = await(events, e -> e.kind() == Kind.DESTROY && e.message().orig().proto() == 17
                    && e.message().orig().dstPort() == 7777);
            assertThat(udp.time()).isEqualTo(T0);
            assertThat(udp.resync()).isFalse();
            assertThat(udp.message().orig().src().getHostAddress()).isEqualTo(RouterLab.LAN);
            assertThat(udp.message().reply().src().getHostAddress()).isEqualTo(RouterLab.WAN);
            assertThat(udp.message().origCounters()).isEqualTo(new ConntrackCounters(5, 5 * 128));
            assertThat(udp.message().replyCounters()).isEqualTo(new ConntrackCounters(0, 0));

            ConntrackEvent udp6 = await(events, e -> e.kind() == Kind.DESTROY && e.message().orig().dstPort() == 7778);
            assertThat(udp6.message().family()).isEqualTo(10);
            assertThat(udp6.message().orig().src()).isEqualTo(InetAddress.getByName(RouterLab.LAN6));
            assertThat(udp6.message().origCounters()).isEqualTo(new ConntrackCounters(2, 2 * 148));

            ConntrackEvent icmp = await(events, e -> e.kind() == Kind.DESTROY && e.message().orig().proto() == 1);
            assertThat(icmp.message().orig().icmpType()).isEqualTo(8);
            assertThat(icmp.message().origCounters()).isEqualTo(new ConntrackCounters(3, 3 * 128));
            assertThat(icmp.message().replyCounters()).isEqualTo(new ConntrackCounters(3, 3 * 128));

            ConntrackEvent tcp = await(events, e -> e.kind() == Kind.DESTROY && e.message().orig().dstPort() == 8080);
            ConntrackCounters up = tcp.message().origCounters();
            // Every packet carries a 20-byte IP and a 20..60-byte TCP header on top of the 10,000 data bytes.
            assertThat(up.bytes()).isBetween(10_000 + 40 * up.packets(), 10_000 + 80 * up.packets());
            assertThat(events).anyMatch(e -> e.kind() == Kind.NEW && e.message().orig().dstPort() == 8080);
            assertThat(source.counters().events()).containsKeys("new", "update", "destroy");
            assertThat(source.counters().bytes()).isGreaterThanOrEqualTo(10_000 + 5 * 128 + 2 * 148 + 6 * 128);
            assertThat(source.counters().overruns()).isZero();
        }
    }

    @Test
    void aBurstOverrunsASmallBufferAndIsResyncedByDump() throws Exception {
        var events = new ConcurrentLinkedQueue<ConntrackEvent>();
        var slow = new AtomicBoolean(true);
        try (var source = new ConntrackSource(config(4096), Clock.systemUTC(), e -> {
            if (slow.getAndSet(false)) sleep(500); // a stalled consumer: the kernel must overrun the buffer
            events.add(e);
        })) {
            assertThat(source.start()).isTrue();
            int burst = 20_000;
            try (DatagramSocket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                for (int port = 0; port < burst; port++) {
                    if (port % 200 == 199) Thread.sleep(1); // stay under the veth backlog (netdev_max_backlog)
                    client.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN), 20_000 + port));
                }
            }
            // Every connection of the burst the kernel tracked is seen: live, or in a dump after the
            // events lost to an overrun. (The kernel's own table is the truth: a veth backlog may drop a datagram.)
            var tracked = new java.util.HashSet<Integer>();
            for (String line : RouterLab.runLarge("ip", "netns", "exec", lab.routerNs, "conntrack", "-L", "-p", "udp").split("\n")) {
                var m = java.util.regex.Pattern.compile("dport=(\\d+)").matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) >= 20_000) tracked.add(Integer.parseInt(m.group(1)));
            }
            assertThat(tracked.size()).isGreaterThan(burst * 9 / 10);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!seen(events).containsAll(tracked) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(seen(events)).containsAll(tracked);
            assertThat(source.counters().overruns()).isPositive();
            assertThat(source.counters().resyncs()).isPositive();
            assertThat(source.counters().events().get("resync")).isPositive();
            // Nothing stuck: a connection after the burst is still seen live.
            try (DatagramSocket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)))) {
                client.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN), 5555));
            }
            await(events, e -> !e.resync() && e.kind() == Kind.NEW && e.message().orig().dstPort() == 5555);
        } finally {
            lab.inRouter("conntrack", "-F");
        }
    }

    /** Destination ports seen live or in a re-sync dump. */
    static java.util.Set<Integer> seen(ConcurrentLinkedQueue<ConntrackEvent> events) {
        return events.stream().map(e -> e.message().orig().dstPort()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aPortScanFromTheLanIsScoredOnceAndAnAllowlistedDestinationNotAtAll() throws Exception {
        var events = new ConcurrentLinkedQueue<ConntrackEvent>();
        try (var source = new ConntrackSource(config(1 << 20), Clock.systemUTC(), events::add)) {
            assertThat(source.start()).isTrue();
            try (DatagramSocket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN, 0)));
                 DatagramSocket client6 = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new DatagramSocket(new InetSocketAddress(RouterLab.LAN6, 0)))) {
                for (int port = 3000; port < 3030; port++) {
                    client.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN), port));
                    client6.send(new DatagramPacket(new byte[1], 1, InetAddress.getByName(RouterLab.WAN6), port));
                }
            }
            await(events, e -> e.kind() == Kind.NEW && e.message().orig().dstPort() == 3029 && e.message().family() == 10);
            await(events, e -> e.kind() == Kind.NEW && e.message().orig().dstPort() == 3029 && e.message().family() == 2);
            var config = new netwarden.engine.router.ScoringConfig(java.time.Duration.ZERO, java.time.Duration.ofDays(30), 0.01, 200, 20,
                    3, 1 << 20, 20, 10, 1000);
            var scorer = new netwarden.engine.router.RouterScorer(config);
            var rules = new netwarden.engine.router.RouterRules(List.of(new netwarden.engine.router.RouterRule(
                    netwarden.engine.router.RouterRule.Type.ALLOW, null, netwarden.model.Ip.parse("fd99:2::"), 64, -1, null, -1, null)));
            var hits = new java.util.ArrayList<netwarden.engine.router.AnomalyHit>();
            for (ConntrackEvent e : events) {
                if (e.kind() != Kind.NEW || e.message().orig().dstPort() < 3000 || e.message().orig().dstPort() >= 3030) continue;
                var o = e.message().orig();
                hits.addAll(rules.score(scorer, new netwarden.engine.router.ConnectionSample(e.time(),
                        netwarden.model.Ip.of(o.src().getAddress()), netwarden.model.Ip.of(o.dst().getAddress()), o.proto(), o.dstPort(),
                        0, -1), ""));
            }
            assertThat(hits).filteredOn(h -> h.code() == netwarden.model.router.AnomalyCode.PORT_SCAN_LIKE).singleElement()
                    .satisfies(h -> {
                        assertThat(h.device()).isEqualTo(netwarden.model.Ip.parse(RouterLab.LAN));
                        assertThat(h.remote()).isEqualTo(netwarden.model.Ip.parse(RouterLab.WAN));
                    });
            assertThat(hits).noneMatch(h -> netwarden.model.Ip.parse(RouterLab.WAN6).equals(h.remote()));
        } finally {
            lab.inRouter("conntrack", "-F");
        }
    }

    @Test
    void aMissingNamespaceMakesTheSourceUnavailableWithItsReason() throws Exception {
        var config = new RouterConfig(List.of(), List.of(), true, 1 << 20, List.of(), null, false, null, "nwr-no-such-namespace");
        try (var source = new ConntrackSource(config, Clock.systemUTC(), e -> {})) {
            assertThat(source.start()).isFalse();
            assertThat(source.unavailableReason()).contains("no such network namespace: nwr-no-such-namespace");
        }
    }

    static ConntrackEvent await(ConcurrentLinkedQueue<ConntrackEvent> events, Predicate<ConntrackEvent> p) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ConntrackEvent e : events) if (p.test(e)) return e;
            Thread.sleep(20);
        }
        throw new AssertionError("no matching event within 30 s among " + events.size());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
