package netwarden.sources.router;

import netwarden.testkit.RouterLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import netwarden.decode.netlink.ConntrackMessage.Kind;
import netwarden.model.Ip;
import netwarden.sources.router.dns.DnsEvent;
import netwarden.sources.router.dns.DnsLogEntry;
import netwarden.sources.router.dns.DnsmasqSource;
import netwarden.sources.router.dns.DomainMap;
import netwarden.sources.router.dns.NameHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dnsmasq on the router answers the LAN device from a hosts file and logs the queries; the
 * device then connects to the answer, and the connection's conntrack event finds its domain and
 * its device (with the MAC from the router's ARP table).
 */
class RouterDnsTest {
    @TempDir
    Path dir;

    @Test
    void connectionsCarryTheDomainTheDeviceWasAnswered() throws Exception {
        String why = RouterLab.unavailableReason();
        assumeTrue(why == null, why);
        assumeTrue(RouterLab.hasDnsmasq(), "needs dnsmasq (Debian: dnsmasq)");
        Path hosts = Files.writeString(dir.resolve("hosts"), RouterLab.WAN + " game.example.test\n");
        Path log = dir.resolve("dnsmasq.log");
        try (RouterLab lab = RouterLab.create()) {
            Process dnsmasq = lab.dnsmasq(hosts, log, dir.resolve("dnsmasq.out"));
            try {
                long deadline;
                var config = new RouterConfig(List.of(Prefix.parse("10.99.1.0/24")), List.of(), true, 1 << 20, List.of(), log,
                        false, null, "/run/netns/" + lab.routerNs);
                var domains = new DomainMap(1000, Duration.ofHours(1));
                var hashed = new DomainMap(1000, Duration.ofHours(1));
                var dnsEvents = new ConcurrentLinkedQueue<DnsEvent>();
                var connections = new ConcurrentLinkedQueue<ConntrackEvent>();
                var devices = new DeviceTable(config, 100);
                Clock clock = Clock.systemUTC();
                try (var dns = new DnsmasqSource(log, dir.resolve("bookmark"), NameHasher.plain(), domains, clock, Duration.ofMillis(100), dnsEvents::add);
                     var dnsHashed = new DnsmasqSource(log, null, NameHasher.salted("lab-salt-1"), hashed, clock, Duration.ofMillis(100), e -> {});
                     var conntrack = new ConntrackSource(config, clock, connections::add)) {
                    dns.poll();
                    dnsHashed.poll();
                    assertThat(conntrack.start()).isTrue();
                    byte[] answer = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> RouterLab.dnsQuery("game.example.test"));
                    assertThat(answer).endsWith(InetAddress.getByName(RouterLab.WAN).getAddress());
                    // The device connects to what it was told.
                    try (ServerSocket server = netwarden.sources.live.Netns.call(lab.path(lab.wanNs), () -> new ServerSocket(8443, 5, InetAddress.getByName(RouterLab.WAN)));
                         Socket client = netwarden.sources.live.Netns.call(lab.path(lab.lanNs), () -> new Socket(RouterLab.WAN, 8443))) {
                        client.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                    }
                    deadline = System.nanoTime() + 10_000_000_000L;
                    while (dnsEvents.stream().noneMatch(e -> e.entry().kind() == DnsLogEntry.Kind.HOSTS) && System.nanoTime() < deadline) {
                        dns.poll();
                        Thread.sleep(50);
                    }
                    dnsHashed.poll();
                    assertThat(dnsEvents).anySatisfy(e -> {
                        assertThat(e.entry().kind()).isEqualTo(DnsLogEntry.Kind.QUERY);
                        assertThat(e.entry().client()).isEqualTo(RouterLab.LAN);
                        assertThat(e.entry().name()).isEqualTo("game.example.test");
                    });
                    ConntrackEvent c = ConntrackSourceTest.await(connections, e -> e.kind() == Kind.NEW && e.message().orig().dstPort() == 8443);
                    Ip remote = Ip.of(c.message().orig().dst().getAddress()), device = Ip.of(c.message().orig().src().getAddress());
                    assertThat(domains.domain(remote, clock.instant())).isEqualTo("game.example.test");
                    assertThat(hashed.domain(remote, clock.instant())).isEqualTo(NameHasher.salted("lab-salt-1").apply("game.example.test"));
                    // The device: from the connection, with its MAC from the router's ARP table.
                    String mac = DeviceTable.parseArp(lab.inRouter("cat", "/proc/net/arp")).get(device);
                    assertThat(devices.seen(device, mac, c.time())).isTrue();
                    assertThat(devices.seen(remote, c.time())).isFalse();
                    String lanMac = RouterLab.run("ip", "-n", lab.lanNs, "-br", "link", "show", "dev", "nwr" + lab.tag + "l").trim().split("\\s+")[2];
                    assertThat(devices.devices()).singleElement().satisfies(d -> {
                        assertThat(d.address()).isEqualTo(Ip.parse(RouterLab.LAN));
                        assertThat(d.mac()).isEqualTo(lanMac);
                    });
                    assertThat(dns.counters().events()).containsKeys("query", "hosts");
                    assertThat(dns.counters().parseErrors()).isEmpty();
                }
            } finally {
                dnsmasq.destroy();
                if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) dnsmasq.destroyForcibly();
            }
        }
    }
}
