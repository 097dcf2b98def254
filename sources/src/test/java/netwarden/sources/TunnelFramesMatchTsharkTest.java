package netwarden.sources;

import static netwarden.testkit.Frames.ETH_IPV4;
import static netwarden.testkit.Frames.ETH_IPV6;
import static netwarden.testkit.Frames.TCP;
import static netwarden.testkit.Frames.UDP;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netwarden.decode.LinkType;
import netwarden.testkit.Frames;
import netwarden.testkit.Frames.Vlan;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames our own fixtures build for the encapsulations no shared capture has (PPPoE sessions, MPLS
 * label stacks, each under VLAN tags too, and their non-IP neighbours), written to a pcap and
 * checked against tshark's ground truth computed on the spot by {@code ../shared/tools/pcap-truth.sh}
 * — every column, as {@link CaptureConformanceTest} does for the shared captures.
 */
class TunnelFramesMatchTsharkTest {
    @TempDir
    Path dir;

    static final byte[] V4_UDP = Frames.ipv4("192.0.2.1", "198.51.100.7").packet(UDP, Frames.udp(40000, 27960, new byte[10]));
    static final byte[] V4_SYN = Frames.ipv4("192.0.2.9", "198.51.100.7").packet(TCP, Frames.tcp(5555, 80, 0x02));
    static final byte[] V6_UDP = Frames.ipv6("2001:db8::1", "2001:db8::2").packet(UDP, Frames.udp(40001, 27015, new byte[4]));
    static final byte[] V4_GAME = Frames.ipv4("192.0.2.2", "198.51.100.7").packet(UDP, Frames.udp(1, 7777, new byte[6]));

    static List<byte[]> ethernetFrames() {
        return List.of(
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP)),
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV6, V6_UDP)),
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_SYN), new Vlan(Frames.TPID_DOT1Q, 7)),
                Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V4_GAME, 100)),
                Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V6_UDP, 100, 200, 300)),
                Frames.ethernet(Frames.ETH_MPLS_MULTICAST, Frames.mpls(V4_GAME, 5), new Vlan(Frames.TPID_QINQ, 3)),
                Frames.ethernet(Frames.ETH_PPPOE_DISCOVERY, new byte[] {0x11, 0x09, 0, 0, 0, 0}),
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_LCP, new byte[] {1, 1, 0, 4})),
                Frames.ethernet(Frames.ETH_MPLS, new byte[] {0, 6}),
                Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(Frames.concat(new byte[4], Frames.ethernet(ETH_IPV4, V4_UDP)), 100)),
                // snaplen cut inside the IP header behind PPPoE: announced IPv4, header values unread
                Frames.cut(Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP)), 30));
    }

    @Test
    void ethernetEncapsulationsMatchTshark() throws Exception {
        PcapWriter pcap = PcapWriter.micros(LinkType.ETHERNET);
        List<byte[]> frames = ethernetFrames();
        for (int i = 0; i < frames.size(); i++) pcap.record(1_700_000_000_000_000_000L + i * 1_000_000_000L, frames.get(i));
        pcap.record(1_700_000_100_000_000_000L, Frames.cut(Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V6_UDP, 9)), 40), 98);
        check("ethernet-tunnels.pcap", pcap.toByteArray());
    }

    /** Snaplen cuts at every byte of the IPv4 and IPv6 headers, behind plain Ethernet, PPPoE and MPLS. */
    @Test
    void ipHeadersCutAtEveryLengthMatchTshark() throws Exception {
        byte[] first = Frames.ipv4("192.0.2.5", "198.51.100.7").fragment(0, true).packet(UDP, Frames.udp(6, 2000, new byte[16]));
        byte[] later = Frames.ipv4("192.0.2.6", "198.51.100.7").fragment(3, false).packet(UDP, new byte[24]);
        byte[] v6Chain = Frames.ipv6("2001:db8::5", "2001:db8::2").hopByHop().packet(UDP, Frames.udp(7, 4000, new byte[2]));
        byte[] v6Long = Frames.ipv6("2001:db8::7", "2001:db8::2").hopByHop().routing(0).fragment(0, true, 9)
                .packet(TCP, Frames.tcp(8, 443, 0x02, new byte[4], new byte[0]));
        byte[] v6Later = Frames.ipv6("2001:db8::8", "2001:db8::2").fragment(100, false, 5).packet(UDP, new byte[16]);
        byte[] v6Auth = Frames.ipv6("2001:db8::9", "2001:db8::2").authHeader().destinationOptions()
                .packet(UDP, Frames.udp(9, 53, new byte[0]));
        List<byte[]> whole = List.of(
                Frames.ethernet(ETH_IPV4, V4_UDP), Frames.ethernet(ETH_IPV4, first), Frames.ethernet(ETH_IPV4, later),
                Frames.ethernet(ETH_IPV6, V6_UDP), Frames.ethernet(ETH_IPV6, v6Chain), Frames.ethernet(ETH_IPV6, v6Long),
                Frames.ethernet(ETH_IPV6, v6Later), Frames.ethernet(ETH_IPV6, v6Auth),
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV6, V6_UDP)),
                Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V4_SYN, 1, 2)));
        PcapWriter pcap = PcapWriter.micros(LinkType.ETHERNET);
        long ts = 1_700_000_000_000_000_000L;
        for (byte[] frame : whole) {
            for (int n = 12; n <= frame.length; n++) {
                pcap.record(ts += 1_000_000, Frames.cut(frame, n), frame.length);
            }
        }
        check("cut-headers.pcap", pcap.toByteArray());
    }

    @Test
    void cookedCaptureEncapsulationsMatchTshark() throws Exception {
        PcapWriter pcap = PcapWriter.micros(LinkType.LINUX_SLL);
        pcap.record(1_700_000_000_000_000_000L, Frames.sll(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP)));
        pcap.record(1_700_000_001_000_000_000L, Frames.sll(Frames.ETH_MPLS, Frames.mpls(V6_UDP, 42)));
        pcap.record(1_700_000_002_000_000_000L, Frames.sll(ETH_IPV6, V6_UDP));
        check("sll-tunnels.pcap", pcap.toByteArray());
    }

    private static Path truthTool;

    @BeforeAll
    static void tsharkAndTheTruthToolArePresent() throws Exception {
        truthTool = SharedData.root().resolve("tools").resolve("pcap-truth.sh");
        Assumptions.assumeTrue(Files.isRegularFile(truthTool), "../shared/tools/pcap-truth.sh absent: " + truthTool.toAbsolutePath());
        Assumptions.assumeTrue(onPath("tshark") && onPath("python3"), "tshark or python3 not installed (apt-get install tshark python3)");
    }

    private void check(String name, byte[] capture) throws Exception {
        Path file = Files.write(dir.resolve(name), capture);
        Process truth = new ProcessBuilder("bash", truthTool.toString(), "-o", dir.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("truth.log").toFile()).start();
        if (!truth.waitFor(120, TimeUnit.SECONDS)) {
            truth.destroyForcibly();
            throw new AssertionError("pcap-truth.sh did not finish in 120 s");
        }
        if (truth.exitValue() != 0) throw new AssertionError("pcap-truth.sh failed: " + Files.readString(dir.resolve("truth.log")));
        CaptureConformanceTest.check(file);
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}
