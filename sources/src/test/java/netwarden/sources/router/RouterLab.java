package netwarden.sources.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import netwarden.sources.live.Netns;
import netwarden.sources.live.NetnsLab;

/**
 * A private router network for the router source tests: a "lan" namespace (a device, 10.99.1.2)
 * and a "wan" namespace (the internet, 10.99.2.2) joined through a "router" namespace that
 * forwards between them with conntrack accounting on and an nft table {@code nwr} whose forward
 * chain logs and drops TCP port {@link #DROP_PORT} to NFLOG group {@link #NFLOG_GROUP} with prefix
 * {@link #DROP_PREFIX}. Nothing touches the root namespace; {@link #close()} deletes all three.
 */
public final class RouterLab implements AutoCloseable {
    public static final int NFLOG_GROUP = 5, DROP_PORT = 9;
    public static final String DROP_PREFIX = "nw-drop";
    public static final String LAN = "10.99.1.2", ROUTER_LAN = "10.99.1.1", WAN = "10.99.2.2";
    public static final String LAN6 = "fd99:1::2", WAN6 = "fd99:2::2";
    public final String tag = String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    public final String lanNs = "nwr-" + tag + "-lan", routerNs = "nwr-" + tag + "-router", wanNs = "nwr-" + tag + "-wan";

    /** Why these tests cannot run here, or null. */
    public static String unavailableReason() {
        String live = NetnsLab.unavailableReason();
        if (live != null) return live;
        for (String tool : new String[] {"/usr/sbin/nft", "/usr/sbin/conntrack"})
            if (!Files.isExecutable(Path.of(tool))) return "router tests need " + tool + " (Debian: nftables, conntrack)";
        return null;
    }

    public static RouterLab create() throws IOException {
        RouterLab lab = new RouterLab();
        try {
            lab.setUp();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void setUp() throws IOException {
        for (String ns : new String[] {lanNs, routerNs, wanNs}) {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        run("ip", "link", "add", "nwr" + tag + "l", "netns", lanNs, "type", "veth", "peer", "name", "nwr" + tag + "rl", "netns", routerNs);
        run("ip", "link", "add", "nwr" + tag + "w", "netns", wanNs, "type", "veth", "peer", "name", "nwr" + tag + "rw", "netns", routerNs);
        address(lanNs, "nwr" + tag + "l", LAN + "/24");
        address(routerNs, "nwr" + tag + "rl", ROUTER_LAN + "/24");
        address(routerNs, "nwr" + tag + "rw", "10.99.2.1/24");
        address(wanNs, "nwr" + tag + "w", WAN + "/24");
        run("ip", "-n", lanNs, "addr", "add", LAN6 + "/64", "dev", "nwr" + tag + "l", "nodad");
        run("ip", "-n", routerNs, "addr", "add", "fd99:1::1/64", "dev", "nwr" + tag + "rl", "nodad");
        run("ip", "-n", routerNs, "addr", "add", "fd99:2::1/64", "dev", "nwr" + tag + "rw", "nodad");
        run("ip", "-n", wanNs, "addr", "add", WAN6 + "/64", "dev", "nwr" + tag + "w", "nodad");
        run("ip", "-n", lanNs, "route", "add", "default", "via", ROUTER_LAN);
        run("ip", "-n", lanNs, "-6", "route", "add", "default", "via", "fd99:1::1");
        run("ip", "-n", wanNs, "-6", "route", "add", "default", "via", "fd99:2::1");
        run("ip", "-n", wanNs, "route", "add", "default", "via", "10.99.2.1");
        run("ip", "netns", "exec", routerNs, "sysctl", "-q", "net.ipv4.ip_forward=1");
        run("ip", "netns", "exec", routerNs, "sysctl", "-q", "net.ipv6.conf.all.forwarding=1");
        run("ip", "netns", "exec", routerNs, "sysctl", "-q", "net.netfilter.nf_conntrack_acct=1");
        Path rules = Files.createTempFile("nwr-", ".nft");
        try {
            Files.writeString(rules, """
                    table inet nwr {
                      chain nwrfwd {
                        type filter hook forward priority 0; policy accept;
                        ct state established,related accept
                        tcp dport %d log group %d prefix "%s" drop
                      }
                    }
                    """.formatted(DROP_PORT, NFLOG_GROUP, DROP_PREFIX));
            run("ip", "netns", "exec", routerNs, "nft", "-f", rules.toString());
        } finally {
            Files.deleteIfExists(rules);
        }
    }

    private static void address(String ns, String dev, String cidr) throws IOException {
        run("ip", "-n", ns, "addr", "add", cidr, "dev", dev);
        run("ip", "-n", ns, "link", "set", dev, "up");
    }

    public Path path(String ns) {
        return Path.of("/run/netns", ns);
    }

    public <T> T inLan(Callable<T> body) throws Exception {
        return Netns.call(path(lanNs), body);
    }

    public <T> T inWan(Callable<T> body) throws Exception {
        return Netns.call(path(wanNs), body);
    }

    /** Runs a command in the router namespace. */
    public String inRouter(String... command) throws IOException {
        String[] full = new String[command.length + 4];
        full[0] = "ip"; full[1] = "netns"; full[2] = "exec"; full[3] = routerNs;
        System.arraycopy(command, 0, full, 4, command.length);
        return run(full);
    }

    public static String run(String... command) throws IOException {
        return NetnsLab.run(command);
    }

    /** Runs a command in namespace {@code ns} whose exit status means nothing here (hping3 exits 1 when nothing answers). */
    public static void runIgnoringStatus(String ns, String... command) throws IOException, InterruptedException {
        String[] full = new String[command.length + 4];
        full[0] = "ip"; full[1] = "netns"; full[2] = "exec"; full[3] = ns;
        System.arraycopy(command, 0, full, 4, command.length);
        Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
    }

    /** Runs a command whose output may exceed a pipe buffer (through a file), bounded to 60 s. */
    public static String runLarge(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nwr-", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (String ns : new String[] {lanNs, routerNs, wanNs}) {
            try {
                if (Files.exists(path(ns))) run("ip", "netns", "del", ns);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
