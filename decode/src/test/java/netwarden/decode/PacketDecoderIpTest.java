package netwarden.decode;

import static netwarden.decode.PacketDecoderLinkTest.decode;
import static netwarden.testkit.Frames.ETH_IPV4;
import static netwarden.testkit.Frames.ETH_IPV6;
import static netwarden.testkit.Frames.ICMP;
import static netwarden.testkit.Frames.ICMPV6;
import static netwarden.testkit.Frames.TCP;
import static netwarden.testkit.Frames.UDP;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.testkit.Frames;
import netwarden.testkit.Ipv6Builder;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IPv4 options and fragments, the IPv6 extension chain, TCP/UDP/ICMP, and bogus IP headers. */
class PacketDecoderIpTest {
    static Packet eth4(byte[] ipPacket) {
        return decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV4, ipPacket));
    }

    static Packet eth6(byte[] ipPacket) {
        return decode(LinkType.ETHERNET, Frames.ethernet(ETH_IPV6, ipPacket));
    }

    static Ipv6Builder v6() {
        return Frames.ipv6("2001:db8::a", "2001:db8::b");
    }

    @Test
    void ipv4OptionsAreSkippedToReachTheTransportHeader() {
        byte[] options = {(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}; // router alert, NOP, NOP, NOP, EOL
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").options(options).ttl(1)
                .packet(TCP, Frames.tcp(1234, 80, Packet.SYN)));
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.dstPort).isEqualTo(80);
        assertThat(p.srcPort).isEqualTo(1234);
        assertThat(p.ipBytes).isEqualTo(48);
        assertThat(p.ttl).isEqualTo(1);
        assertThat(p.tcpFlags).isEqualTo(Packet.SYN);
        assertThat(p.synOnly()).isTrue();
    }

    @Test
    void tcpFlagsOptionsAndPayload() {
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(TCP,
                Frames.tcp(5000, 25565, Packet.SYN | Packet.ACK, new byte[] {2, 4, 5, (byte) 0xb4, 1, 1, 4, 2}, new byte[7])));
        assertThat(p.tcpFlags).isEqualTo(Packet.SYN | Packet.ACK);
        assertThat(p.synOnly()).isFalse();
        assertThat(p.payloadLen).isEqualTo(7);
        assertThat(p.ipBytes).isEqualTo(20 + 28 + 7);
    }

    @Test
    void ipv4FirstFragmentHasPortsLaterFragmentsDoNot() {
        Packet first = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").fragment(0, true)
                .packet(UDP, Frames.udp(53, 4444, new byte[1400])));
        assertThat(first.fragment).isEqualTo(Packet.FRAG_FIRST);
        assertThat(first.dstPort).isEqualTo(4444);
        assertThat(first.proto).isEqualTo(UDP);

        Packet later = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").fragment(185, false).packet(UDP, new byte[600]));
        assertThat(later.fragment).isEqualTo(Packet.FRAG_LATER);
        assertThat(later.proto).as("protocol of the fragment header").isEqualTo(UDP);
        assertThat(later.dstPort).isEqualTo(-1);
        assertThat(later.srcPort).isEqualTo(-1);
        assertThat(later.ipBytes).isEqualTo(620);
        assertThat(later.src()).isEqualTo(Ip.parse("10.0.0.1"));

        Packet middle = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").fragment(1, true).packet(TCP, Frames.tcp(1, 2, 0)));
        assertThat(middle.fragment).isEqualTo(Packet.FRAG_LATER);
        assertThat(middle.dstPort).isEqualTo(-1);
        assertThat(middle.tcpFlags).isEqualTo(-1);
    }

    @Test
    void dontFragmentIsNotAFragment() {
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").dontFragment().packet(UDP, Frames.udp(1, 2, new byte[0])));
        assertThat(p.fragment).isEqualTo(Packet.FRAG_NONE);
        assertThat(p.dstPort).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hbh", "routing", "fragment", "dest", "ah"})
    void eachIpv6ExtensionHeaderIsWalked(String ext) {
        Ipv6Builder b = v6();
        switch (ext) {
            case "hbh" -> b.hopByHop();
            case "routing" -> b.routing(0);
            case "fragment" -> b.fragment(0, false, 77); // atomic fragment: not fragmented
            case "dest" -> b.destinationOptions();
            default -> b.authHeader();
        }
        Packet p = eth6(b.packet(UDP, Frames.udp(999, 53, new byte[3])));
        assertThat(p.proto).isEqualTo(UDP);
        assertThat(p.dstPort).isEqualTo(53);
        assertThat(p.fragment).isEqualTo(Packet.FRAG_NONE);
        assertThat(p.payloadLen).isEqualTo(3);
    }

    @Test
    void longIpv6ChainEndsAtTcp() {
        Packet p = eth6(v6().hopByHop().destinationOptions().routing(2).authHeader().destinationOptions()
                .packet(TCP, Frames.tcp(4000, 443, Packet.SYN)));
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.dstPort).isEqualTo(443);
        assertThat(p.synOnly()).isTrue();
        assertThat(p.ipBytes).isEqualTo(40 + 8 + 8 + 24 + 24 + 8 + 20);
    }

    @Test
    void ipv6FragmentsFirstAndLater() {
        Packet first = eth6(v6().hopByHop().fragment(0, true, 5).packet(UDP, Frames.udp(53, 5353, new byte[100])));
        assertThat(first.fragment).isEqualTo(Packet.FRAG_FIRST);
        assertThat(first.dstPort).isEqualTo(5353);

        Packet later = eth6(v6().fragment(100, false, 5).packet(UDP, new byte[64]));
        assertThat(later.fragment).isEqualTo(Packet.FRAG_LATER);
        assertThat(later.proto).isEqualTo(UDP);
        assertThat(later.dstPort).isEqualTo(-1);
        assertThat(later.ipBytes).isEqualTo(40 + 8 + 64);
    }

    /** As tshark reads a cut chain (TunnelFramesMatchTsharkTest checks these against tshark itself). */
    @Test
    void ipv6ChainCutByTheCaptureKeepsTheLastKnownProtocol() {
        byte[] frame = Frames.ethernet(ETH_IPV6, v6().hopByHop().routing(0).packet(UDP, Frames.udp(1, 2, new byte[0])));
        Packet p = decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 40 + 8 + 4));
        assertThat(p.ipVersion).isEqualTo(6);
        assertThat(p.proto).as("the cut routing header's next header").isEqualTo(UDP);
        assertThat(p.dstPort).isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 40 + 8 + 1)).proto).as("a routing header's first byte").isEqualTo(UDP);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 40 + 1)).proto).as("hop-by-hop needs 2 bytes").isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 40 + 8)).proto).as("routing header begun, nothing of it read")
                .isEqualTo(-1);
        assertThat(decode(LinkType.ETHERNET, Frames.cut(frame, 14 + 39)).proto).as("fixed header cut: its next header").isEqualTo(0);
    }

    @Test
    void ipv6FragmentHeaderIsReadWholeOrNotAtAll() {
        byte[] later = Frames.ethernet(ETH_IPV6, v6().fragment(100, false, 5).packet(UDP, new byte[64]));
        Packet cut = decode(LinkType.ETHERNET, Frames.cut(later, 14 + 40 + 7));
        assertThat(cut.proto).isEqualTo(-1);
        assertThat(cut.fragment).isEqualTo(Packet.FRAG_NONE);
        Packet whole = decode(LinkType.ETHERNET, Frames.cut(later, 14 + 40 + 8));
        assertThat(whole.fragment).isEqualTo(Packet.FRAG_LATER);
        assertThat(whole.proto).isEqualTo(UDP);
    }

    @Test
    void icmpErrorQuotingUdpHasNoPorts() {
        byte[] quoted = Frames.ipv4("10.0.0.2", "10.0.0.1").packet(UDP, Frames.udp(27960, 51000, new byte[8]));
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(ICMP, Frames.icmpPortUnreachable(quoted)));
        assertThat(p.proto).isEqualTo(ICMP);
        assertThat(p.srcPort).isEqualTo(-1);
        assertThat(p.dstPort).isEqualTo(-1);
        assertThat(p.tcpFlags).isEqualTo(-1);

        byte[] quoted6 = Frames.ipv6("2001:db8::b", "2001:db8::a").packet(UDP, Frames.udp(27960, 51000, new byte[8]));
        Packet p6 = eth6(v6().packet(ICMPV6, Frames.icmpv6PortUnreachable(quoted6)));
        assertThat(p6.proto).isEqualTo(ICMPV6);
        assertThat(p6.dstPort).isEqualTo(-1);
    }

    @Test
    void icmpEchoAndUnknownProtocols() {
        Packet echo = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(ICMP, Frames.icmp(8, 0, new byte[4])));
        assertThat(echo.proto).isEqualTo(ICMP);
        assertThat(echo.dstPort).isEqualTo(-1);
        Packet gre = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(47, new byte[24]));
        assertThat(gre.proto).isEqualTo(47);
        assertThat(gre.dstPort).isEqualTo(-1);
        Packet noNext = eth6(v6().destinationOptions().packet(Frames.NO_NEXT, new byte[0]));
        assertThat(noNext.proto).isEqualTo(59);
    }

    @Test
    void bogusIpv4HeadersKeepVersionButNoProtocol() {
        Packet badVersion = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").version(5).packet(UDP, Frames.udp(1, 2, new byte[0])));
        assertThat(badVersion.ipVersion).isEqualTo(4);
        assertThat(badVersion.proto).isEqualTo(-1);
        assertThat(badVersion.ipBytes).isZero();

        Packet shortHeader = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").ihl(4).packet(UDP, Frames.udp(1, 2, new byte[0])));
        assertThat(shortHeader.proto).isEqualTo(-1);
        assertThat(shortHeader.dstPort).isEqualTo(-1);

        Packet shortTotal = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(12).packet(UDP, Frames.udp(1, 2, new byte[0])));
        assertThat(shortTotal.proto).isEqualTo(-1);
        assertThat(shortTotal.ipBytes).as("header value kept").isEqualTo(12);

        Packet v6InV4 = eth4(v6().packet(UDP, Frames.udp(1, 2, new byte[0])));
        assertThat(v6InV4.ipVersion).as("the ether type said IPv4").isEqualTo(4);
        assertThat(v6InV4.proto).isEqualTo(-1);

        Packet v4InV6 = eth6(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(UDP, Frames.udp(1, 2, new byte[40])));
        assertThat(v4InV6.ipVersion).isEqualTo(6);
        assertThat(v4InV6.proto).isEqualTo(-1);
    }

    @Test
    void transportBeyondTheIpLengthIsNotRead() {
        // Total Length covers only the IP header; the TCP bytes after it are Ethernet padding.
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(22).packet(TCP, Frames.tcp(7, 8, Packet.SYN)));
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.ipBytes).isEqualTo(22);
        assertThat(p.dstPort).isEqualTo(-1);
        assertThat(p.tcpFlags).isEqualTo(-1);
    }

    @Test
    void udpHeaderCutByTheIpLengthKeepsItsPorts() {
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(24).packet(UDP, Frames.udp(1, 2222, new byte[3])));
        assertThat(p.ipBytes).isEqualTo(24);
        assertThat(p.dstPort).isEqualTo(2222);
        assertThat(p.payloadLen).isEqualTo(-1);
        Packet three = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(23).packet(UDP, Frames.udp(1, 2222, new byte[3])));
        assertThat(three.dstPort).isEqualTo(-1);
    }

    @Test
    void totalLengthZeroIsATsoSegmentRunningToTheEndOfTheFrame() {
        byte[] tso = Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(0)
                .packet(TCP, Frames.tcp(1, 5555, Packet.ACK | Packet.PSH, new byte[0], new byte[100]));
        Packet p = eth4(tso);
        assertThat(p.proto).isEqualTo(TCP);
        assertThat(p.ipBytes).isEqualTo(20 + 20 + 100);
        assertThat(p.dstPort).isEqualTo(5555);
        assertThat(p.tcpFlags).isEqualTo(Packet.ACK | Packet.PSH);
        assertThat(p.payloadLen).isEqualTo(100);
    }

    @Test
    void snaplenCutTsoSegmentRunsToTheEndOfTheFrameOnTheWire() throws DecodeException {
        byte[] frame = Frames.ethernet(ETH_IPV4, Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(0)
                .packet(TCP, Frames.tcp(1, 5555, Packet.ACK, new byte[0], new byte[3000])));
        CaptureReader r = CaptureReader.open(MemorySegment.ofArray(
                PcapWriter.micros(LinkType.ETHERNET).record(1, Frames.cut(frame, 80), frame.length).toByteArray()));
        Packet p = new Packet();
        assertThat(r.next(p)).isTrue();
        assertThat(p.ipBytes).as("tshark: 3040").isEqualTo(frame.length - 14);
        assertThat(p.payloadLen).isEqualTo(3000);
        assertThat(p.dstPort).isEqualTo(5555);
    }

    @Test
    void ipLengthAboveTheCaptureUsesWhatWasCaptured() {
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").totalLength(1500).packet(UDP, Frames.udp(1, 9000, new byte[4])));
        assertThat(p.ipBytes).isEqualTo(1500);
        assertThat(p.dstPort).isEqualTo(9000);
    }

    @Test
    void bogusTcpDataOffsetKeepsPortsButNotFlags() {
        byte[] tcp = Frames.tcp(1, 2, Packet.SYN);
        tcp[12] = 0x40; // data offset 4 words
        Packet p = eth4(Frames.ipv4("10.0.0.1", "10.0.0.2").packet(TCP, tcp));
        assertThat(p.dstPort).isEqualTo(2);
        assertThat(p.tcpFlags).isEqualTo(-1);
        assertThat(p.synOnly()).isFalse();
    }
}
