package netwarden.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A private router network for the router source tests: a "lan" namespace (a device, 10.99.1.2)
 * and a "wan" namespace (the internet, 10.99.2.2) joined through a "router" namespace that
 * forwards between them with conntrack accounting on and an nft table {@code nwr} whose forward
 * chain logs and drops TCP port {@link #DROP_PORT} to NFLOG group {@link #NFLOG_GROUP} with prefix
 * {@link #DROP_PREFIX}. Nothing touches the root namespace; {@link #close()} deletes all three. Enter a
 * namespace with the sources' {@code Netns.call(lab.path(lab.lanNs), ...)}. Root only.
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
        if (!"root".equals(System.getProperty("user.name"))) return "router tests need root (network namespaces, nft, conntrack)";
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/usr/bin/ip")))
            return "router tests need the ip command (iproute2)";
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

    /**
     * Starts a real dnsmasq in the router namespace answering from {@code hosts} only and logging queries to
     * {@code log}; returns once it has read the hosts file (or after 10 s). The caller stops it.
     */
    public Process dnsmasq(Path hosts, Path log, Path output) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "exec", routerNs, "dnsmasq", "--keep-in-foreground",
                "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--addn-hosts=" + hosts, "--log-queries",
                "--log-facility=" + log, "--listen-address=" + ROUTER_LAN, "--bind-interfaces",
                "--pid-file=", "--user=root").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("read " + hosts)) && System.nanoTime() < deadline) Thread.sleep(50);
        return p;
    }

    /** Whether dnsmasq is installed (Debian: dnsmasq). */
    public static boolean hasDnsmasq() {
        return Files.isExecutable(Path.of("/usr/sbin/dnsmasq"));
    }

    private static void address(String ns, String dev, String cidr) throws IOException {
        run("ip", "-n", ns, "addr", "add", cidr, "dev", dev);
        run("ip", "-n", ns, "link", "set", dev, "up");
    }

    public Path path(String ns) {
        return Path.of("/run/netns", ns);
    }

    /** Runs a command in the router namespace. */
    public String inRouter(String... command) throws IOException {
        String[] full = new String[command.length + 4];
        full[0] = "ip"; full[1] = "netns"; full[2] = "exec"; full[3] = routerNs;
        System.arraycopy(command, 0, full, 4, command.length);
        return run(full);
    }

    /** Runs a command (bounded to 20 s); returns stdout, or throws with its stderr. */
    public static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + err.trim());
        return out;
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

    /** Sends one DNS A query to the router (call inside the LAN namespace) and returns the answer's last RDATA bytes (the whole response). */
    public static byte[] dnsQuery(String name) throws Exception {
        var q = new java.io.ByteArrayOutputStream();
        q.writeBytes(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            q.write(label.length());
            q.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        q.writeBytes(new byte[] {0, 0, 1, 0, 1});
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new java.net.InetSocketAddress(LAN, 0))) {
            s.setSoTimeout(5000);
            byte[] out = q.toByteArray();
            s.send(new java.net.DatagramPacket(out, out.length, java.net.InetAddress.getByName(ROUTER_LAN), 53));
            var r = new java.net.DatagramPacket(new byte[512], 512);
            s.receive(r);
            return java.util.Arrays.copyOf(r.getData(), r.getLength());
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
