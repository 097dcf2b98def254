package netwarden.decode.flow;

import static netwarden.decode.flow.Datagrams.decode;
import static netwarden.decode.flow.NetflowV9Test.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;

class IpfixTest {
    private static final int VAR = 65535;

    private static FlowDecoder decoder() {
        return new FlowDecoder(FlowDecoderConfig.defaults());
    }

    @Test
    void variableLengthAndEnterpriseFieldsAndBiflows() {
        Field[] fields = {Field.of(27, 16), Field.of(28, 16), Field.of(4, 1), Field.of(82, VAR), new Field(1, 8, 0),
            new Field(1, 8, 29305), new Field(2, 4, 29305), new Field(6, 1, 29305), new Field(100, VAR, 9), Field.of(152, 8),
            Field.of(153, 8)};
        byte[] longName = new byte[300];
        byte[] record = new ByteWriter().bytes(Ip.parse("2001:db8::1").bytes()).bytes(Ip.parse("2001:db8::2").bytes()).u8(17)
                .u8(3).bytes("et0".getBytes()).u64(1000).u64(800).u32(4).u8(0x18)
                .u8(255).u16(300).bytes(longName).u64(1_700_000_000_123L).u64(1_700_000_000_456L).toByteArray();
        DecodedDatagram d = decode(decoder(), FlowExports.ipfix(42).template(400, fields).data(400, 1, record).toByteArray());
        FlowRecord f = d.records().getFirst();
        assertThat(f.protocol()).isEqualTo(FlowProtocol.IPFIX);
        assertThat(f.src()).isEqualTo(Ip.parse("2001:db8::1"));
        assertThat(f.bytes()).isEqualTo(1000);
        assertThat(f.biflow()).isTrue();
        assertThat(List.of(f.reverseBytes(), f.reversePackets())).containsExactly(800L, 4L);
        assertThat(f.enterprise()).extracting(EnterpriseField::pen, EnterpriseField::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(29305L, 6), org.assertj.core.groups.Tuple.tuple(9L, 100));
        assertThat(f.enterprise().get(1).value()).hasSize(300);
        assertThat(f.startMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(f.endMillis()).isEqualTo(1_700_000_000_456L);
        assertThat(f.observationDomain()).isEqualTo(42);
    }

    @Test
    void dataLinkFrameSectionFillsWhatTheRecordLacks() {
        byte[] frame = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("198.51.100.7", "203.0.113.9")
                .packet(Frames.TCP, Frames.tcp(40000, 443, 0x02)), new Frames.Vlan(Frames.TPID_DOT1Q, 231));
        Field[] fields = {Field.of(10, 4), Field.of(312, 2), Field.of(315, VAR)};
        byte[] record = new ByteWriter().u32(582).u16(frame.length + 100).u8(frame.length).bytes(frame).toByteArray();
        FlowRecord f = decode(decoder(), FlowExports.ipfix(0).template(384, fields).data(384, 1, record).toByteArray())
                .records().getFirst();
        assertThat(f.src()).isEqualTo(Ip.parse("198.51.100.7"));
        assertThat(f.dst()).isEqualTo(Ip.parse("203.0.113.9"));
        assertThat(List.of(f.srcPort(), f.dstPort(), f.proto(), f.tcpFlags(), f.srcVlan())).containsExactly(40000, 443, 6, 2, 231);
        assertThat(List.of(f.bytes(), f.packets(), f.inIf())).containsExactly(frame.length + 100L, 1L, 582L);
    }

    @Test
    void samplingFromOptionsPacketIntervalAndSpace() {
        FlowDecoder d = decoder();
        byte[] options = FlowExports.ipfix(5).optionsTemplate(500, 1, Field.of(302, 2), Field.of(305, 4), Field.of(306, 4))
                .data(500, 1, new ByteWriter().u16(3).u32(1).u32(99).toByteArray()).toByteArray();
        assertThat(decode(d, options).optionsRecords()).isEqualTo(1);
        byte[] data = FlowExports.ipfix(5).template(501, Field.of(8, 4), Field.of(302, 2))
                .data(501, 1, new ByteWriter().u32(0x0a000001).u16(3).toByteArray()).toByteArray();
        assertThat(decode(d, data).records().getFirst().samplingRate()).isEqualTo(100);
        byte[] own = FlowExports.ipfix(5).template(502, Field.of(8, 4), Field.of(309, 4), Field.of(310, 4))
                .data(502, 1, new ByteWriter().u32(0x0a000001).u32(1).u32(10).toByteArray()).toByteArray();
        assertThat(decode(d, own).records().getFirst().samplingRate()).isEqualTo(10);
    }

    @Test
    void uptimeTimesUseTheSystemInitTimeOfOptionsData() {
        FlowDecoder d = decoder();
        decode(d, FlowExports.ipfix(0).optionsTemplate(256, 1, Field.of(143, 4), Field.of(160, 8))
                .data(256, 1, new ByteWriter().u32(1).u64(1_700_000_000_000L).toByteArray()).toByteArray());
        byte[] data = FlowExports.ipfix(0).template(1024, Field.of(8, 4), Field.of(22, 4), Field.of(21, 4))
                .data(1024, 1, new ByteWriter().u32(0x0a000001).u32(1_000).u32(3_000).toByteArray()).toByteArray();
        FlowRecord f = decode(d, data).records().getFirst();
        assertThat(f.startMillis()).isEqualTo(1_700_000_001_000L);
        assertThat(f.endMillis()).isEqualTo(1_700_000_003_000L);
        assertThat(decode(decoder(), data).records().getFirst().startMillis()).as("no init time known").isEqualTo(-1);
    }

    @Test
    void withdrawalForgetsTemplates() {
        FlowDecoder d = decoder();
        decode(d, FlowExports.ipfix(1).template(600, Field.of(8, 4)).template(601, Field.of(8, 4))
                .optionsTemplate(602, 1, Field.of(149, 4), Field.of(34, 4)).toByteArray());
        assertThat(decode(d, FlowExports.ipfix(1).withdraw(600, false).toByteArray()).withdrawnTemplates()).isEqualTo(1);
        byte[] data600 = FlowExports.ipfix(1).data(600, 1, new byte[4]).toByteArray();
        assertThat(decode(d, data600).undecodedSets()).isEqualTo(1);
        DecodedDatagram all = decode(d, FlowExports.ipfix(1).withdraw(2, false).toByteArray());
        assertThat(all.withdrawnTemplates()).isEqualTo(1); // 601; the options template stays
        assertThat(d.templates().size()).isEqualTo(1);
    }

    @Test
    void messageLengthMustFitTheDatagram() {
        byte[] m = FlowExports.ipfix(1).template(600, Field.of(8, 4)).toByteArray();
        m[3] = (byte) (m[3] + 1);
        assertThat(Datagrams.error(decoder(), m).reason()).contains("message length");
        byte[] badScope = FlowExports.ipfix(1).set(3, new ByteWriter().u16(700).u16(1).u16(2).u16(8).u16(4).toByteArray())
                .toByteArray();
        assertThat(Datagrams.error(decoder(), badScope).reason()).contains("scope count 2");
    }

    @Test
    void aVariableLengthFieldPastItsSetIsDamage() {
        byte[] m = FlowExports.ipfix(1).template(600, Field.of(82, VAR))
                .data(600, 1, new ByteWriter().u8(40).bytes(new byte[8]).toByteArray()).toByteArray();
        assertThat(Datagrams.error(decoder(), m).reason()).contains("overruns");
    }

    @Test
    void cutAtEveryByteIsCountedDamage() {
        byte[] tpl = FlowExports.ipfix(1).template(600, Field.of(8, 4), Field.of(82, VAR)).toByteArray();
        byte[] full = concat(tpl, new ByteWriter().u16(600).u16(12).u32(0x0a000001).u8(3).bytes("abc".getBytes()).toByteArray());
        full[2] = 0;
        full[3] = (byte) full.length;
        // IPFIX lengths are exact: every cut leaves the header's length beyond the datagram
        Datagrams.everyCut(IpfixTest::decoder, full, Set.of());
        assertThat(decode(decoder(), full).records()).hasSize(1);
    }
}
