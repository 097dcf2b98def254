package netwarden.decode.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import netwarden.decode.LinkType;
import netwarden.decode.PacketDecoder;
import netwarden.model.Packet;
import org.junit.jupiter.api.Test;

class NetlinkDecoderTest {
    static ConntrackMessage conntrack(byte[] datagram) throws NetlinkException {
        List<NetlinkMessage> ms = NetlinkMessage.split(datagram, datagram.length);
        assertThat(ms).hasSize(1);
        return ConntrackDecoder.decode(ms.getFirst());
    }

    @Test
    void newEventOfARealUdpConnection() throws Exception {
        ConntrackMessage m = conntrack(NetlinkSamples.CT_NEW);
        assertThat(m.kind()).isEqualTo(ConntrackMessage.Kind.NEW);
        assertThat(m.dumped()).isFalse();
        assertThat(m.family()).isEqualTo(Nl.AF_INET);
        assertThat(m.orig()).hasToString("proto=17 src=10.99.1.2 dst=10.99.2.2 sport=2573 dport=7777");
        assertThat(m.reply()).hasToString("proto=17 src=10.99.2.2 dst=10.99.1.2 sport=7777 dport=2573");
        assertThat(m.status()).isEqualTo(8); // IPS_CONFIRMED
        assertThat(m.timeout()).isEqualTo(30);
        assertThat(m.id()).isEqualTo(0xd8bf77daL);
        assertThat(m.mark()).isEqualTo(-1);
        assertThat(m.origCounters()).isNull();
    }

    @Test
    void destroyEventCarriesTheCounters() throws Exception {
        ConntrackMessage m = conntrack(NetlinkSamples.CT_DESTROY);
        assertThat(m.kind()).isEqualTo(ConntrackMessage.Kind.DESTROY);
        assertThat(m.id()).isEqualTo(0xd8bf77daL);
        assertThat(m.origCounters()).isEqualTo(new ConntrackCounters(1, 48));
        assertThat(m.replyCounters()).isEqualTo(new ConntrackCounters(0, 0));
    }

    @Test
    void nflogDropOfARealSyn() throws Exception {
        NflogPacket p = NflogDecoder.decode(NetlinkMessage.split(NetlinkSamples.NFLOG_DROP, NetlinkSamples.NFLOG_DROP.length).getFirst());
        assertThat(p.group()).isEqualTo(5);
        assertThat(p.family()).isEqualTo(Nl.AF_INET);
        assertThat(p.prefix()).isEqualTo("nw-drop");
        assertThat(p.hwProtocol()).isEqualTo(0x0800);
        assertThat(p.hook()).isEqualTo(2); // NF_INET_FORWARD
        assertThat(p.inIfindex()).isEqualTo(2);
        assertThat(p.outIfindex()).isEqualTo(3);
        assertThat(HexFormat.ofDelimiter(":").formatHex(p.hwaddr())).isEqualTo("b6:15:18:b0:e9:87");
        assertThat(p.timestampMicros()).isEqualTo(0x6b17284fL * 1_000_000 + 0xf41c9L);
        assertThat(p.payload()).hasSize(40);
        Packet packet = new Packet();
        packet.capLen = packet.wireLen = p.payload().length;
        PacketDecoder.decode(LinkType.RAW, java.lang.foreign.MemorySegment.ofArray(p.payload()), packet);
        assertThat(packet.proto).isEqualTo(6);
        assertThat(packet.dstPort).isEqualTo(9);
        assertThat(packet.tcpFlags).isEqualTo(Packet.SYN);
    }

    @Test
    void everyTruncationIsOneNetlinkExceptionOrAShorterValidMessage() {
        for (byte[] sample : List.of(NetlinkSamples.CT_NEW, NetlinkSamples.CT_DESTROY, NetlinkSamples.NFLOG_DROP)) {
            for (int cut = 0; cut < sample.length; cut++) {
                byte[] b = Arrays.copyOf(sample, cut);
                try {
                    for (NetlinkMessage m : NetlinkMessage.split(b, b.length)) {
                        if (ConntrackDecoder.accepts(m)) ConntrackDecoder.decode(m);
                        if (NflogDecoder.accepts(m)) NflogDecoder.decode(m);
                    }
                    assertThat(cut).as("a cut datagram decoded").isZero();
                } catch (NetlinkException e) {
                    assertThat(e.offset()).isBetween(0, cut);
                    assertThat(e.getMessage()).contains(e.reason());
                }
            }
        }
    }

    @Test
    void everyCutWithItsLengthFixedIsAnExceptionOrADecodedMessage() {
        for (byte[] sample : List.of(NetlinkSamples.CT_NEW, NetlinkSamples.CT_DESTROY, NetlinkSamples.NFLOG_DROP)) {
            int decoded = 0, rejected = 0;
            for (int cut = Nl.NLMSG_HDRLEN; cut < sample.length; cut++) {
                byte[] b = Arrays.copyOf(sample, cut);
                b[0] = (byte) cut; // nlmsg_len follows the cut: the attributes themselves are cut
                b[1] = 0;
                try {
                    NetlinkMessage m = NetlinkMessage.split(b, b.length).getFirst();
                    Object r = ConntrackDecoder.accepts(m) ? ConntrackDecoder.decode(m) : NflogDecoder.decode(m);
                    assertThat(r).isNotNull();
                    decoded++;
                } catch (NetlinkException e) {
                    assertThat(e.offset()).isBetween(0, cut);
                    rejected++;
                }
            }
            assertThat(rejected).as("cuts rejected").isPositive();
            assertThat(decoded + rejected).isEqualTo(sample.length - Nl.NLMSG_HDRLEN);
        }
    }

    @Test
    void cutAttributesInsideAWholeMessageAreReported() throws Exception {
        // Shrink nlmsg_len and the payload with it: the attribute run then ends mid-attribute.
        byte[] b = Arrays.copyOf(NetlinkSamples.CT_DESTROY, NetlinkSamples.CT_DESTROY.length - 6);
        b[0] = (byte) b.length;
        assertThatThrownBy(() -> conntrack(b)).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("ctnetlink").hasMessageContaining("nla_len");
    }

    @Test
    void malformedHeadersNameTheField() {
        byte[] shortLen = NetlinkSamples.CT_NEW.clone();
        shortLen[0] = 8;
        assertThatThrownBy(() -> conntrack(shortLen)).isInstanceOf(NetlinkException.class).hasMessageContaining("nlmsg_len 8");
        byte[] zeroAttr = NetlinkSamples.CT_NEW.clone();
        zeroAttr[20] = 0; // first attribute's nla_len
        zeroAttr[21] = 0;
        assertThatThrownBy(() -> conntrack(zeroAttr)).isInstanceOf(NetlinkException.class).hasMessageContaining("nla_len 0");
        byte[] noIp = NetlinkSamples.CT_NEW.clone();
        noIp[26] = 9; // CTA_TUPLE_IP inside CTA_TUPLE_ORIG renamed to an unknown type
        assertThatThrownBy(() -> conntrack(noIp)).isInstanceOf(NetlinkException.class).hasMessageContaining("no CTA_TUPLE_IP");
        byte[] shortPort = NetlinkSamples.CT_NEW.clone();
        shortPort[56] = 5; // CTA_PROTO_SRC_PORT with 1 byte
        assertThatThrownBy(() -> conntrack(shortPort)).isInstanceOf(NetlinkException.class).hasMessageContaining("CTA_PROTO_SRC_PORT is 1 bytes");
    }

    @Test
    void requestsHaveTheKernelsLayout() throws Exception {
        byte[] dump = NetlinkRequests.conntrackDump(7);
        NetlinkMessage m = NetlinkMessage.split(dump, dump.length).getFirst();
        assertThat(m.type()).isEqualTo(0x0101);
        assertThat(m.flags()).isEqualTo(Nl.NLM_F_REQUEST | Nl.NLM_F_DUMP);
        assertThat(m.seq()).isEqualTo(7);
        byte[] bind = NetlinkRequests.nflogCommand(5, NetlinkRequests.NFULNL_CFG_CMD_BIND, 1);
        // As libnetfilter_log sends it: nfgenmsg AF_UNSPEC, version 0, res_id 5; NFULA_CFG_CMD = 1.
        assertThat(HexFormat.of().formatHex(bind)).isEqualTo("1c000000" + "0104" + "0500" + "01000000" + "00000000" + "00000005" + "05000100" + "01000000");
    }
}
