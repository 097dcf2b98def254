package netwarden.decode;

import static netwarden.decode.PacketDecoderLinkTest.decode;
import static netwarden.testkit.Frames.ETH_IPV4;
import static netwarden.testkit.Frames.ETH_IPV6;
import static netwarden.testkit.Frames.TCP;
import static netwarden.testkit.Frames.UDP;
import static org.assertj.core.api.Assertions.assertThat;

import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;

/** Snaplen-cut frames: header values still come from what was captured; nothing past it is read. */
class PacketDecoderTruncationTest {
    static final byte[] TCP_FRAME = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.1.1.1", "10.2.2.2")
            .packet(TCP, Frames.tcp(33000, 25, Packet.SYN, new byte[] {2, 4, 5, (byte) 0xb4, 4, 2, 8, 10, 0, 0, 0, 1,
                    0, 0, 0, 0, 1, 3, 3, 7}, new byte[100])));

    /** What each cut inside the IPv4 header leaves, as tshark reads it (TunnelFramesMatchTsharkTest checks with tshark). */
    @Test
    void cutInsideTheIpv4HeaderKeepsEachCapturedField() {
        Packet none = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 3));
        assertThat(none.ipVersion).isEqualTo(4);
        assertThat(none.ipBytes).as("Total Length not captured").isZero();
        Packet length = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 4));
        assertThat(length.ipBytes).isEqualTo(160);
        assertThat(length.proto).isEqualTo(-1);
        Packet ttl = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 9));
        assertThat(ttl.ttl).isEqualTo(64);
        assertThat(ttl.proto).isEqualTo(-1);
        Packet proto = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 12));
        assertThat(proto.proto).isEqualTo(TCP);
        assertThat(proto.srcKnown).as("source not captured").isFalse();
        Packet source = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 16));
        assertThat(source.srcKnown).isTrue();
        assertThat(source.src()).isEqualTo(Ip.parse("10.1.1.1"));
        assertThat(source.dstLo).as("destination not captured").isZero();
        assertThat(source.dstPort).isEqualTo(-1);
        for (int n = 0; n < 20; n++) {
            assertThat(decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + n)).dstPort).isEqualTo(-1);
        }
    }

    @Test
    void fragmentFlagsNeedEightHeaderBytes() {
        byte[] first = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.1.1.1", "10.2.2.2").fragment(0, true)
                .packet(UDP, Frames.udp(5, 6, new byte[16])));
        byte[] later = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.1.1.1", "10.2.2.2").fragment(3, false)
                .packet(UDP, new byte[24]));
        assertThat(decode(LinkType.ETHERNET, Frames.cut(first, 14 + 7)).fragment).isEqualTo(Packet.FRAG_NONE);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(first, 14 + 8)).fragment).isEqualTo(Packet.FRAG_FIRST);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(later, 14 + 8)).fragment).isEqualTo(Packet.FRAG_LATER);
    }

    @Test
    void cutInsideTcpOptionsAfterThePorts() {
        Packet p = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 20 + 26));
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.dstPort).isEqualTo(25);
        assertThat(p.tcpFlags).isEqualTo(Packet.SYN);
        assertThat(p.ipBytes).as("from the header, not the capture").isEqualTo(20 + 40 + 100);
        assertThat(p.src()).isEqualTo(Ip.parse("10.1.1.1"));
    }

    @Test
    void cutBetweenThePortsAndTheFlags() {
        Packet p = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 20 + 8));
        assertThat(p.dstPort).isEqualTo(25);
        assertThat(p.tcpFlags).isEqualTo(-1);
    }

    @Test
    void cutBeforeThePorts() {
        Packet p = decode(LinkType.ETHERNET, Frames.cut(TCP_FRAME, 14 + 20 + 3));
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.srcPort).isEqualTo(-1);
        assertThat(p.dstPort).isEqualTo(-1);
        assertThat(p.ipBytes).isEqualTo(160);
    }

    @Test
    void udpPortsNeedFourHeaderBytesItsPayloadLengthAllEight() {
        byte[] frame = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.1.1.1", "10.2.2.2").packet(UDP, Frames.udp(5, 6, new byte[9])));
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 20 + 3)).dstPort).isEqualTo(-1);
        Packet ports = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 20 + 4));
        assertThat(ports.srcPort).isEqualTo(5);
        assertThat(ports.dstPort).as("as tshark shows a cut UDP header").isEqualTo(6);
        assertThat(ports.payloadLen).isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 20 + 7)).payloadLen).isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 20 + 8)).payloadLen).isEqualTo(9);
    }

    @Test
    void ipv4OptionsCutBeforeTheTransport() {
        byte[] frame = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.1.1.1", "10.2.2.2").options(new byte[12])
                .packet(UDP, Frames.udp(5, 6, new byte[0])));
        Packet p = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 24));
        assertThat(p.proto).isEqualTo(UDP);
        assertThat(p.src()).isEqualTo(Ip.parse("10.1.1.1"));
        assertThat(p.dstPort).isEqualTo(-1);
    }

    @Test
    void ipv6CutInsideTheFixedHeaderKeepsEachCapturedField() {
        byte[] frame = Frames.ethernet(ETH_IPV6, Frames.ipv6("2001:db8::1", "::2").hopLimit(7).hopByHop()
                .packet(UDP, Frames.udp(5, 6, new byte[0])));
        Packet none = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 6));
        assertThat(none.ipVersion).isEqualTo(6);
        assertThat(none.proto).isEqualTo(-1);
        assertThat(none.ipBytes).isZero();
        Packet next = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 7));
        assertThat(next.ipBytes).isEqualTo(40 + 8 + 8);
        assertThat(next.proto).as("the last protocol number known: Hop-by-Hop").isZero();
        assertThat(next.ttl).isZero();
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 8)).ttl).isEqualTo(7);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 23)).srcKnown).isFalse();
        Packet source = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 24));
        assertThat(source.srcKnown).isTrue();
        assertThat(source.src()).isEqualTo(Ip.parse("2001:db8::1"));
        Packet whole = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 39));
        assertThat(whole.dstLo).as("destination not captured").isZero();
        assertThat(whole.dstPort).isEqualTo(-1);
        Packet bogus = decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV6, new byte[] {0x40, 0, 0, 0, 0, 8, 17, 64}));
        assertThat(bogus.proto).as("version 4 behind an IPv6 ether type").isEqualTo(-1);
    }

    @Test
    void everyCutOfAFrameDecodesWithoutThrowing() {
        byte[] v6 = Frames.ethernet(ETH_IPV6, Frames.ipv6("::1", "::2").hopByHop().fragment(0, true, 1).routing(0)
                .packet(TCP, Frames.tcp(1, 2, Packet.SYN, new byte[4], new byte[3])));
        for (byte[] frame : new byte[][] {TCP_FRAME, v6}) {
            for (int n = 0; n <= frame.length; n++) {
                Packet p = decode(LinkType.ETHERNET, Frames.cut(frame, n));
                assertThat(p.dstPort).isIn(-1, 2, 25);
            }
        }
    }
}
