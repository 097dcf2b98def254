package netwarden.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class BlockRulesTest {
    static List<Ip> ips(String... s) {
        return java.util.Arrays.stream(s).map(Ip::parse).toList();
    }

    @Test
    void privateLoopbackSharedAndMulticastAddressesAreNeverBlocked() {
        var rules = BlockRules.of(ips("10.1.2.3", "172.16.0.9", "172.32.0.9", "192.168.1.1", "127.0.0.1", "100.64.0.1", "169.254.1.1",
                "224.0.0.5", "0.0.0.0", "8.8.8.8", "fd00::1", "fe80::1", "::1", "ff02::1", "2001:db8::7"));
        assertThat(rules.addresses()).extracting(Ip::toString).containsExactly("172.32.0.9", "8.8.8.8", "2001:db8::7");
        assertThat(rules.nftables()).contains("add element inet netwarden attackers4 { 172.32.0.9 timeout 3600s, 8.8.8.8 timeout 3600s }")
                .contains("add element inet netwarden attackers6 { 2001:db8::7 timeout 3600s }").doesNotContain("10.1.2.3");
        assertThat(rules.iptables()).contains("ipset add netwarden-attackers4 8.8.8.8 timeout 3600 -exist")
                .contains("ip6tables -I INPUT -m set --match-set netwarden-attackers6 src -j DROP");
        assertThat(BlockRules.of(ips("192.168.0.2")).isEmpty()).isTrue();
        assertThat(BlockRules.of(ips("192.168.0.2")).nftables()).isEmpty();
    }

    @Test
    void theTimeoutIsTheConfiguredOneInEveryForm() {
        var rules = BlockRules.of(ips("8.8.8.8"), java.time.Duration.ofHours(6));
        assertThat(rules.timeout()).hasHours(6);
        assertThat(rules.nftables()).contains("{ 8.8.8.8 timeout 21600s }");
        assertThat(rules.iptables()).contains("hash:ip timeout 21600 -exist").contains("ipset add netwarden-attackers4 8.8.8.8 timeout 21600 -exist");
        var json = SnapshotJson.object();
        SnapshotJson.blockRules(json, rules);
        assertThat(json.path("block_rules").path("timeout_seconds").asLong()).isEqualTo(21600);
    }

    /** The nftables form, pasted as printed, works: run in a network namespace of its own (root and nft needed). */
    @Test
    void theNftablesFormAppliesInANamespace() throws Exception {
        assumeTrue("0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip()), "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "nft not installed (Debian package 'nftables')");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")), "ip not installed");
        String ns = "nw-attacks-block-" + ProcessHandle.current().pid();
        var rules = BlockRules.of(ips("203.0.113.7", "198.51.100.9", "10.0.0.1", "2001:db8::7"));
        assertThat(run("ip", "netns", "add", ns)).isZero();
        try {
            // the "# once:" comments hold the setup: run them, then the lines to paste
            String script = rules.nftables().lines().map(l -> l.startsWith("# once: ") ? l.substring(8) : l).reduce("", (a, b) -> a + b + "\n");
            assertThat(run("ip", "netns", "exec", ns, "sh", "-ec", script)).isZero();
            String listed = output("ip", "netns", "exec", ns, "nft", "list", "table", "inet", "netwarden");
            assertThat(listed).contains("203.0.113.7").contains("198.51.100.9").contains("2001:db8::7").doesNotContain("10.0.0.1")
                    .contains("ip saddr @attackers4 drop").contains("ip6 saddr @attackers6 drop").contains("expires");
        } finally {
            run("ip", "netns", "delete", ns);
        }
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String output(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
