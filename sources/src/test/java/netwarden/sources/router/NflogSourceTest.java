package netwarden.sources.router;

import netwarden.testkit.RouterLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import netwarden.model.Ip;
import netwarden.sources.router.RouterConfig.NflogGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NFLOG from a real kernel: the router's nft rule drops TCP port 9 and logs it to group 5. */
class NflogSourceTest {
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

    @Test
    void droppedPacketsArriveWithTheRulePrefixDecoded() throws Exception {
        var config = new RouterConfig(List.of(Prefix.parse("10.99.1.0/24")), List.of(), false, 1 << 20,
                List.of(new NflogGroup(RouterLab.NFLOG_GROUP, NflogGroup.Action.DROP)), null, false, null, "/run/netns/" + lab.routerNs);
        var events = new ConcurrentLinkedQueue<NflogEvent>();
        try (var source = new NflogSource(config, Clock.systemUTC(), events::add)) {
            assertThat(source.start()).as(String.valueOf(source.unavailableReason())).isTrue();
            RouterLab.runIgnoringStatus(lab.lanNs, "hping3", "-S", "-c", "2", "-i", "u100000", "-p", "9", RouterLab.WAN);
            // Allowed traffic is not logged: UDP to another port passes the rule.
            RouterLab.runIgnoringStatus(lab.lanNs, "hping3", "-2", "-c", "1", "-p", "7777", RouterLab.WAN);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (events.size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(300);
            assertThat(events).hasSize(2);
            String lanMac = RouterLab.run("ip", "-n", lab.lanNs, "-br", "link", "show", "dev", "nwr" + lab.tag + "l").trim().split("\\s+")[2];
            int routerLanIndex = Integer.parseInt(RouterLab.run("ip", "netns", "exec", lab.routerNs, "cat",
                    "/sys/class/net/nwr" + lab.tag + "rl/ifindex").trim());
            for (NflogEvent e : events) {
                assertThat(e.prefix()).isEqualTo(RouterLab.DROP_PREFIX);
                assertThat(e.action()).isEqualTo(NflogGroup.Action.DROP);
                assertThat(e.group()).isEqualTo(RouterLab.NFLOG_GROUP);
                assertThat(e.src()).isEqualTo(Ip.parse(RouterLab.LAN));
                assertThat(e.dst()).isEqualTo(Ip.parse(RouterLab.WAN));
                assertThat(e.proto()).isEqualTo(6);
                assertThat(e.dstPort()).isEqualTo(RouterLab.DROP_PORT);
                assertThat(e.length()).isEqualTo(40);
                assertThat(e.mac()).isEqualTo(lanMac);
                assertThat(e.inIfindex()).isEqualTo(routerLanIndex);
                assertThat(e.time()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
            }
            assertThat(source.counters().events()).containsEntry("drop", 2L);
            assertThat(source.counters().bytes()).isEqualTo(80);
        }
    }

    @Test
    void aGroupAnotherSocketHoldsMakesTheSourceUnavailableNotBroken() throws Exception {
        var config = new RouterConfig(List.of(), List.of(), false, 1 << 20,
                List.of(new NflogGroup(17, NflogGroup.Action.ACCEPT)), null, false, null, "/run/netns/" + lab.routerNs);
        try (var first = new NflogSource(config, Clock.systemUTC(), e -> {});
             var second = new NflogSource(config, Clock.systemUTC(), e -> {})) {
            assertThat(first.start()).isTrue();
            assertThat(second.start()).isFalse();
            assertThat(second.unavailableReason()).contains("bind group 17").contains("errno 1)"); // the kernel answers EPERM for a group bound by another socket
        }
    }
}
