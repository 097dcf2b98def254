package netwarden.decode;

import static netwarden.testkit.Frames.ETH_ARP;
import static netwarden.testkit.Frames.ETH_IPV4;
import static netwarden.testkit.Frames.ETH_IPV6;
import static netwarden.testkit.Frames.UDP;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.testkit.Frames;
import netwarden.testkit.Frames.Vlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every supported link type, around the same IPv4 and IPv6 UDP datagrams. */
class PacketDecoderLinkTest {
    static final byte[] V4_UDP = Frames.ipv4("192.0.2.1", "198.51.100.7").ttl(33)
            .packet(UDP, Frames.udp(40000, 27960, new byte[10]));
    static final byte[] V6_UDP = Frames.ipv6("2001:db8::1", "2001:db8::2").hopLimit(9)
            .packet(UDP, Frames.udp(40001, 27015, new byte[4]));

    static Packet decode(int linkType, byte[] frame) {
        Packet p = new Packet();
        PacketDecoder.decode(linkType, MemorySegment.ofArray(frame), p);
        return p;
    }

    static void assertV4Udp(Packet p, int l3Offset) {
        assertThat(p.ipVersion).isEqualTo(4);
        assertThat(p.proto).isEqualTo(17);
        assertThat(p.src()).isEqualTo(Ip.parse("192.0.2.1"));
        assertThat(p.dst()).isEqualTo(Ip.parse("198.51.100.7"));
        assertThat(p.srcPort).isEqualTo(40000);
        assertThat(p.dstPort).isEqualTo(27960);
        assertThat(p.ipBytes).isEqualTo(38);
        assertThat(p.ttl).isEqualTo(33);
        assertThat(p.payloadLen).isEqualTo(10);
        assertThat(p.l3Offset).isEqualTo(l3Offset);
        assertThat(p.fragment).isEqualTo(Packet.FRAG_NONE);
    }

    static void assertV6Udp(Packet p, int l3Offset) {
        assertThat(p.ipVersion).isEqualTo(6);
        assertThat(p.proto).isEqualTo(17);
        assertThat(p.src()).isEqualTo(Ip.parse("2001:db8::1"));
        assertThat(p.dst()).isEqualTo(Ip.parse("2001:db8::2"));
        assertThat(p.dstPort).isEqualTo(27015);
        assertThat(p.ipBytes).isEqualTo(52);
        assertThat(p.ttl).isEqualTo(9);
        assertThat(p.l3Offset).isEqualTo(l3Offset);
    }

    @Test
    void ethernet() {
        Packet p = decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV4, V4_UDP));
        assertV4Udp(p, 14);
        assertThat(p.vlan).isEqualTo(-1);
        assertV6Udp(decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV6, V6_UDP)), 14);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x8100, 0x88a8, 0x9100})
    void oneVlanTagOfEachTpid(int tpid) {
        Packet p = decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV4, V4_UDP, new Vlan(tpid, 42)));
        assertV4Udp(p, 18);
        assertThat(p.vlan).isEqualTo(42);
    }

    @Test
    void qinqKeepsTheInnermostVlan() {
        Packet p = decode(LinkType.ETHERNET,
                Frames.ethernet(ETH_IPV6, V6_UDP, new Vlan(Frames.TPID_QINQ, 100), new Vlan(Frames.TPID_DOT1Q, 7)));
        assertV6Udp(p, 22);
        assertThat(p.vlan).isEqualTo(7);
    }

    @Test
    void nonIpEthernetIsNotIp() {
        Packet arp = decode(LinkType.ETHERNET, Frames.ethernet(ETH_ARP, new byte[28]));
        assertThat(arp.ipVersion).isZero();
        assertThat(arp.proto).isEqualTo(-1);
        assertThat(arp.dstPort).isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.ethernet(46, new byte[46])).ipVersion).as("802.3 length").isZero();
        assertThat(decode(LinkType.ETHERNET, new byte[13]).ipVersion).as("shorter than a header").isZero();
        assertThat(decode(LinkType.ETHERNET, Frames.cut(Frames.ethernet(ETH_IPV4, V4_UDP, new Vlan(0x8100, 1)), 16)).ipVersion)
                .as("VLAN tag cut").isZero();
    }

    @Test
    void pppoeSessionCarriesIpv4AndIpv6() {
        assertV4Udp(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP))), 22);
        assertV6Udp(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV6, V6_UDP))), 22);
        Packet tagged = decode(LinkType.ETHERNET,
                Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP), new Vlan(Frames.TPID_DOT1Q, 7)));
        assertV4Udp(tagged, 26);
        assertThat(tagged.vlan).as("ISP-style VLAN 7 then PPPoE").isEqualTo(7);
        assertV4Udp(decode(LinkType.LINUX_SLL, Frames.sll(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP))), 24);
    }

    @Test
    void pppoeControlTrafficAndCutHeadersAreNotIp() {
        byte[] lcp = Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_LCP, new byte[] {1, 1, 0, 4}));
        assertThat(decode(LinkType.ETHERNET, lcp).ipVersion).as("LCP").isZero();
        byte[] discovery = Frames.ethernet(Frames.ETH_PPPOE_DISCOVERY, new byte[] {0x11, 0x09, 0, 0, 0, 0});
        assertThat(decode(LinkType.ETHERNET, discovery).ipVersion).as("PADI").isZero();
        byte[] v4 = Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4, V4_UDP));
        assertThat(decode(LinkType.ETHERNET, Frames.cut(v4, 21)).ipVersion).as("PPP protocol cut").isZero();
        Packet ipCut = decode(LinkType.ETHERNET, Frames.cut(v4, 30));
        assertThat(ipCut.ipVersion).as("announced IPv4, header cut").isEqualTo(4);
        assertThat(ipCut.proto).isEqualTo(-1);
    }

    @Test
    void mplsLabelStacksCarryIpv4AndIpv6() {
        assertV4Udp(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V4_UDP, 100))), 18);
        assertV6Udp(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V6_UDP, 100, 200, 300))), 26);
        assertV4Udp(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS_MULTICAST, Frames.mpls(V4_UDP, 5))), 18);
        Packet tagged = decode(LinkType.ETHERNET,
                Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(V6_UDP, 16), new Vlan(Frames.TPID_QINQ, 3)));
        assertV6Udp(tagged, 22);
        assertThat(tagged.vlan).isEqualTo(3);
    }

    @Test
    void mplsWithoutAnIpPayloadOrBottomOfStackIsNotIp() {
        byte[] pseudowire = Frames.mpls(Frames.concat(new byte[4], Frames.ethernet(ETH_IPV4, V4_UDP)), 100);
        assertThat(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, pseudowire)).ipVersion)
                .as("control word then Ethernet: a pseudowire, not followed").isZero();
        byte[] noBottom = Frames.ethernet(Frames.ETH_MPLS, new byte[] {0, 0x64, 0, 64, 0, 0x65, 0, 64});
        assertThat(decode(LinkType.ETHERNET, noBottom).ipVersion).as("labels to the end, none bottom").isZero();
        assertThat(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, new byte[] {0, 6})).ipVersion)
                .as("label cut").isZero();
        assertThat(decode(LinkType.ETHERNET, Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(new byte[0], 100))).ipVersion)
                .as("nothing after the stack").isZero();
    }

    @Test
    void linuxCookedV1AndV2() {
        assertV4Udp(decode(LinkType.LINUX_SLL, Frames.sll(ETH_IPV4, V4_UDP)), 16);
        assertV6Udp(decode(LinkType.LINUX_SLL, Frames.sll(ETH_IPV6, V6_UDP)), 16);
        assertV4Udp(decode(LinkType.LINUX_SLL2, Frames.sll2(ETH_IPV4, V4_UDP)), 20);
        assertV6Udp(decode(LinkType.LINUX_SLL2, Frames.sll2(ETH_IPV6, V6_UDP)), 20);
        assertThat(decode(LinkType.LINUX_SLL2, Frames.sll2(ETH_ARP, new byte[28])).ipVersion).isZero();
        assertThat(decode(LinkType.LINUX_SLL, new byte[15]).ipVersion).isZero();
    }

    @Test
    void cookedWithVlanTag() {
        byte[] tagged = Frames.concat(new byte[] {0, 5, 0x08, 0x00}, V4_UDP); // TCI 5, then IPv4
        Packet p = decode(LinkType.LINUX_SLL, Frames.sll(0x8100, tagged));
        assertV4Udp(p, 20);
        assertThat(p.vlan).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14})
    void rawIpPicksTheVersionFromTheFirstNibble(int linkType) {
        assertV4Udp(decode(linkType, V4_UDP), 0);
        assertV6Udp(decode(linkType, V6_UDP), 0);
        assertThat(decode(linkType, new byte[] {0x50, 0, 0, 0}).ipVersion).isZero();
        assertThat(decode(linkType, new byte[0]).ipVersion).isZero();
    }

    @Test
    void ipv4AndIpv6OnlyLinkTypes() {
        assertV4Udp(decode(LinkType.IPV4, V4_UDP), 0);
        assertV6Udp(decode(LinkType.IPV6, V6_UDP), 0);
        Packet wrong = decode(LinkType.IPV4, V6_UDP);
        assertThat(wrong.ipVersion).isEqualTo(4);
        assertThat(wrong.proto).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 24, 28, 30})
    void bsdNullIpv6FamiliesInEitherByteOrder(int family) {
        assertV6Udp(decode(LinkType.NULL, Frames.loopback(family, ByteOrder.LITTLE_ENDIAN, V6_UDP)), 4);
        assertV6Udp(decode(LinkType.NULL, Frames.loopback(family, ByteOrder.BIG_ENDIAN, V6_UDP)), 4);
    }

    @Test
    void bsdNullAndOpenBsdLoop() {
        assertV4Udp(decode(LinkType.NULL, Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, V4_UDP)), 4);
        assertV4Udp(decode(LinkType.NULL, Frames.loopback(2, ByteOrder.BIG_ENDIAN, V4_UDP)), 4);
        assertV4Udp(decode(LinkType.LOOP, Frames.loopback(2, ByteOrder.BIG_ENDIAN, V4_UDP)), 4);
        assertV6Udp(decode(LinkType.LOOP, Frames.loopback(24, ByteOrder.BIG_ENDIAN, V6_UDP)), 4);
        assertThat(decode(LinkType.LOOP, Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, V4_UDP)).ipVersion)
                .as("LOOP is always big-endian").isZero();
        assertThat(decode(LinkType.NULL, Frames.loopback(7, ByteOrder.LITTLE_ENDIAN, V4_UDP)).ipVersion).isZero();
    }

    @Test
    void unknownLinkTypeIsNotIp() {
        Packet p = decode(105, V4_UDP);
        assertThat(p.ipVersion).isZero();
        assertThat(p.l3Offset).isEqualTo(-1);
        assertThat(LinkType.supported(105)).isFalse();
        assertThat(LinkType.supported(LinkType.LINUX_SLL2)).isTrue();
    }

    @Test
    void decodingResetsEverythingFromThePreviousFrame() {
        Packet p = decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV4, V4_UDP, new Vlan(0x8100, 9)));
        PacketDecoder.decode(LinkType.ETHERNET, MemorySegment.ofArray(Frames.ethernet(ETH_ARP, new byte[28])), p);
        assertThat(p.ipVersion).isZero();
        assertThat(p.dstPort).isEqualTo(-1);
        assertThat(p.vlan).isEqualTo(-1);
        assertThat(p.srcLo).isZero();
    }

    @Test
    void decodesAFrameInsideALargerSegmentWithoutSlicing() {
        byte[] frame = Frames.ethernet(ETH_IPV4, V4_UDP);
        byte[] file = Frames.concat(new byte[100], frame, new byte[50]);
        Packet p = new Packet();
        PacketDecoder.decode(LinkType.ETHERNET, MemorySegment.ofArray(file), 100, frame.length, p);
        assertV4Udp(p, 14);
    }
}
