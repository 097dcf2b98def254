package netwarden.sources.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private two-namespace network for live-capture tests: a "server" namespace (the monitored
 * host) and a "peer" namespace (players, floods), joined by a veth pair. Nothing touches the root
 * namespace: both veth ends live in the new namespaces, addresses are 10.250.N.0/24 and
 * fd4e:7700:N::/64 inside them, and {@link #close()} deletes both namespaces (and with them the
 * veth, qdiscs and filters).
 *
 * <p>Names carry a per-JVM random tag ({@code nwt<hex>}), so {@link #leftovers()} can prove a test
 * run left nothing behind.
 */
public final class NetnsLab implements AutoCloseable {
    /** Unique per test JVM, so parallel or earlier runs are never confused with this one. */
    public static final String RUN_TAG = String.format("nwt%05x", ThreadLocalRandom.current().nextInt(1 << 20));

    public final String serverNs, peerNs, serverIf, peerIf;
    public final int subnet;
    private final List<String> peerAddresses = new ArrayList<>();
    private boolean closed;

    private NetnsLab(int subnet) {
        this.subnet = subnet;
        this.serverNs = RUN_TAG + "s" + subnet;
        this.peerNs = RUN_TAG + "p" + subnet;
        this.serverIf = RUN_TAG + "a" + subnet;
        this.peerIf = RUN_TAG + "b" + subnet;
    }

    /** Why live tests cannot run here, or null when they can (root, ip from iproute2). */
    public static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name")) && !Capabilities.ofProcess().has(Capabilities.CAP_SYS_ADMIN))
            return "live capture tests need root (network namespaces, veth, capture privileges)";
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip")) && !Files.isExecutable(Path.of("/usr/bin/ip")))
            return "live capture tests need the ip command (iproute2)";
        return null;
    }

    /** Creates both namespaces and the veth pair; subnet N gives 10.250.N.1 (server) and 10.250.N.2 (peer). */
    public static NetnsLab create(int subnet) throws IOException {
        NetnsLab lab = new NetnsLab(subnet);
        try {
            lab.setUp();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void setUp() throws IOException {
        run("ip", "netns", "add", serverNs);
        run("ip", "netns", "add", peerNs);
        run("ip", "link", "add", serverIf, "netns", serverNs, "type", "veth", "peer", "name", peerIf, "netns", peerNs);
        for (String[] side : new String[][] {{serverNs, serverIf, "1"}, {peerNs, peerIf, "2"}}) {
            run("ip", "-n", side[0], "link", "set", "lo", "up");
            run("ip", "-n", side[0], "addr", "add", "10.250." + subnet + "." + side[2] + "/24", "dev", side[1]);
            run("ip", "-n", side[0], "addr", "add", "fd4e:7700:" + subnet + "::" + side[2] + "/64", "dev", side[1], "nodad");
            run("ip", "-n", side[0], "link", "set", side[1], "up");
        }
    }

    public String serverV4() { return "10.250." + subnet + ".1"; }
    public String peerV4() { return "10.250." + subnet + ".2"; }
    public String serverV6() { return "fd4e:7700:" + subnet + "::1"; }

    /** The peer-side address {@code 10.250.N.host}, added on first use (each player gets its own). */
    public synchronized String peerV4(int host) throws IOException {
        String a = "10.250." + subnet + "." + host;
        if (!peerAddresses.contains(a)) {
            run("ip", "-n", peerNs, "addr", "add", a + "/24", "dev", peerIf);
            peerAddresses.add(a);
        }
        return a;
    }

    /** The peer-side address {@code fd4e:7700:N::host}, added on first use. */
    public synchronized String peerV6(int host) throws IOException {
        String a = "fd4e:7700:" + subnet + "::" + Integer.toHexString(host);
        if (!peerAddresses.contains(a)) {
            run("ip", "-n", peerNs, "addr", "add", a + "/64", "dev", peerIf, "nodad");
            peerAddresses.add(a);
        }
        return a;
    }

    public String serverMac() throws IOException {
        return run("ip", "-n", serverNs, "-br", "link", "show", "dev", serverIf).trim().split("\\s+")[2];
    }

    public Path serverNsPath() { return Path.of("/run/netns", serverNs); }
    public Path peerNsPath() { return Path.of("/run/netns", peerNs); }

    public <T> T inServer(Callable<T> body) throws Exception { return Netns.call(serverNsPath(), body); }
    public <T> T inPeer(Callable<T> body) throws Exception { return Netns.call(peerNsPath(), body); }

    /** A started platform thread living in the given namespace. */
    public static Thread startIn(Path netns, String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            Netns.enter(netns);
            body.run();
        });
    }

    /** tc's view of the server interface's filters (for stale-hook tests). */
    public String serverFilters(String direction) throws IOException {
        return run("tc", "-n", serverNs, "filter", "show", "dev", serverIf, direction);
    }

    public String serverQdiscs() throws IOException {
        return run("tc", "-n", serverNs, "qdisc", "show", "dev", serverIf);
    }

    /** The peer interface's transmit drop counter (packets the veth could not hand to the server side). */
    public long peerTxDrops() throws IOException {
        for (String line : run("ip", "netns", "exec", peerNs, "cat", "/proc/net/dev").split("\n")) {
            if (line.trim().startsWith(peerIf + ":")) {
                String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
                return Long.parseLong(f[11]);
            }
        }
        throw new IOException("no " + peerIf + " in the peer's /proc/net/dev");
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        IOException first = null;
        for (String ns : new String[] {serverNs, peerNs}) {
            try {
                if (Files.exists(Path.of("/run/netns", ns))) run("ip", "netns", "del", ns);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    /** Namespaces and root-namespace links of this run that still exist (should be none after the suite). */
    public static List<String> leftovers() throws IOException {
        var out = new ArrayList<String>();
        for (String line : run("ip", "netns", "list").split("\n")) if (line.startsWith(RUN_TAG)) out.add("netns " + line);
        for (String line : run("ip", "-br", "link").split("\n")) if (line.startsWith(RUN_TAG)) out.add("link " + line);
        return out;
    }

    /** Runs a command (bounded to 20 s); returns stdout, or throws with its stderr. */
    public static String run(String... command) throws IOException {
        return netwarden.testkit.RouterLab.run(command);
    }

    @Override
    public String toString() {
        return "NetnsLab" + Arrays.asList(serverNs, peerNs, serverIf, peerIf);
    }
}
