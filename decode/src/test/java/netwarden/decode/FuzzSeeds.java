package netwarden.decode;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netwarden.model.Packet;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.Frames;
import netwarden.testkit.Frames.Vlan;
import netwarden.testkit.PcapWriter;
import netwarden.testkit.PcapngWriter;

/**
 * Seed inputs for the fuzz targets, built from the same kinds of fixtures as the unit tests. The
 * files under {@code src/test/resources/netwarden/decode/CaptureFuzzTestInputs/} are written by
 * {@link #main} ({@code FuzzSeedsTest} checks they are current).
 */
final class FuzzSeeds {
    static final Path INPUTS = Path.of("src/test/resources/netwarden/decode/CaptureFuzzTestInputs");
    private static final long T0 = 1_700_000_000_000_000_000L;

    private FuzzSeeds() {}

    static Map<String, byte[]> frames() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        byte[] udp4 = Frames.ipv4("10.0.0.1", "10.0.0.2").options(new byte[] {1, 1, 1, 0}).ttl(3)
                .packet(Frames.UDP, Frames.udp(5000, 27960, new byte[6]));
        byte[] tcp4 = Frames.ipv4("10.0.0.3", "10.0.0.2").fragment(0, true)
                .packet(Frames.TCP, Frames.tcp(4000, 25565, Packet.SYN, new byte[] {2, 4, 5, (byte) 0xb4}, new byte[2]));
        byte[] udp6 = Frames.ipv6("2001:db8::1", "2001:db8::2").hopByHop().routing(0).fragment(0, true, 9)
                .destinationOptions().authHeader().packet(Frames.UDP, Frames.udp(53, 5353, new byte[4]));
        byte[] later6 = Frames.ipv6("2001:db8::1", "2001:db8::2").fragment(20, false, 9).packet(Frames.UDP, new byte[16]);
        byte[] icmp6 = Frames.ipv6("2001:db8::2", "2001:db8::1").packet(Frames.ICMPV6, Frames.icmpv6PortUnreachable(udp6));
        f.put("ethernet-qinq-ipv4-udp", withLink(LinkType.ETHERNET,
                Frames.ethernet(Frames.ETH_IPV4, udp4, new Vlan(Frames.TPID_QINQ, 10), new Vlan(Frames.TPID_DOT1Q, 20))));
        f.put("ethernet-vlan-pppoe-ipv4-udp", withLink(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_PPPOE_SESSION,
                Frames.pppoe(Frames.PPP_IPV4, udp4), new Vlan(Frames.TPID_DOT1Q, 7))));
        f.put("ethernet-mpls-ipv6-udp", withLink(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(udp6, 100, 200))));
        f.put("ethernet-ipv4-tcp-first-fragment", withLink(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_IPV4, tcp4)));
        f.put("sll-ipv6-chain-udp", withLink(LinkType.LINUX_SLL, Frames.sll(Frames.ETH_IPV6, udp6)));
        f.put("sll2-icmpv6-error", withLink(LinkType.LINUX_SLL2, Frames.sll2(Frames.ETH_IPV6, icmp6)));
        f.put("raw-ipv6-later-fragment", withLink(LinkType.RAW, later6));
        f.put("null-ipv4-cut", withLink(LinkType.NULL, Frames.cut(Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, tcp4), 30)));
        return f;
    }

    static Map<String, byte[]> captures() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        byte[] eth = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.1", "10.0.0.2")
                .packet(Frames.UDP, Frames.udp(5000, 27960, new byte[6])));
        byte[] raw6 = Frames.ipv6("::1", "::2").fragment(0, true, 1).packet(Frames.TCP, Frames.tcp(1, 2, Packet.SYN));
        c.put("pcap-le-micros", PcapWriter.micros(LinkType.ETHERNET).record(T0, eth).record(T0 + 1000, Frames.cut(eth, 40), eth.length)
                .toByteArray());
        c.put("pcap-be-nanos-sll", new PcapWriter(true, ByteOrder.BIG_ENDIAN, LinkType.LINUX_SLL, 96)
                .record(T0, Frames.sll(Frames.ETH_IPV6, raw6)).toByteArray());
        c.put("pcap-truncated", java.util.Arrays.copyOf(PcapWriter.micros(LinkType.RAW).record(T0, raw6).record(T0, raw6).toByteArray(), 90));
        c.put("pcap-modified-headers", modifiedHeaders(eth));
        PcapngWriter ng = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 65535)
                .interfaceBlock(LinkType.RAW, 0, 9).block(0x0BAD, new byte[] {1, 2, 3});
        ng.enhancedPacket(0, T0, eth).enhancedPacket(1, T0, raw6).simplePacket(eth, eth.length);
        ng.obsoletePacket(1, ng.units(1, T0), raw6, raw6.length);
        ng.section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.LINUX_SLL2, 64, 0x80 | 10).enhancedPacket(0, T0, Frames.sll2(0x86DD, raw6));
        c.put("pcapng-sections-all-blocks", ng.toByteArray());
        c.put("pcapng-empty", new PcapngWriter().section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.LOOP, 0).toByteArray());
        return c;
    }

    /** Three records with the 24-byte ss990417 header under the standard magic. */
    private static byte[] modifiedHeaders(byte[] frame) {
        PcapWriter w = PcapWriter.micros(LinkType.ETHERNET);
        byte[] extra = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(1).u16(0x0800).u8(0).u8(0).toByteArray();
        for (int i = 0; i < 3; i++) w.rawRecord(1_700_000_000L + i, 10, frame.length, frame.length, Frames.concat(extra, frame));
        return w.toByteArray();
    }

    private static byte[] withLink(int linkType, byte[] frame) {
        int index = -1;
        for (int i = 0; i < CaptureFuzzTest.LINK_TYPES.length; i++) if (CaptureFuzzTest.LINK_TYPES[i] == linkType) index = i;
        return Frames.concat(new byte[] {(byte) index}, frame);
    }

    /** Rewrites the seed files; run from the decode module directory. */
    public static void main(String[] args) throws IOException {
        write(INPUTS.resolve("captureReader"), captures());
        write(INPUTS.resolve("packetDecoder"), frames());
    }

    private static void write(Path dir, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(dir);
        for (var e : seeds.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    }
}
