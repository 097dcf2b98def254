package netwarden.decode.flow;

import static netwarden.decode.flow.Datagrams.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.V5Record;
import org.junit.jupiter.api.Test;

class NetflowV5Test {
    private static final V5Record UDP = new V5Record("10.0.0.1", "10.0.0.2", 5000, 27015, 17, 3, 900, 7, 8, 0, 9_000, 9_500);
    private static final V5Record TCP = new V5Record("10.0.0.3", "10.0.0.2", 4000, 25565, 6, 1, 60, 7, 8, 0x12, 9_900, 9_990);

    private static FlowDecoder decoder() {
        return new FlowDecoder(FlowDecoderConfig.defaults());
    }

    @Test
    void decodesEveryRecordField() {
        DecodedDatagram d = decode(decoder(), FlowExports.v5(0x4000 | 100, UDP, TCP));
        assertThat(d.protocol()).isEqualTo(FlowProtocol.NETFLOW5);
        assertThat(d.dataRecords()).isEqualTo(2);
        assertThat(d.observationDomain()).isEqualTo(0x0102);
        FlowRecord r = d.records().getFirst();
        assertThat(r.src()).isEqualTo(Ip.parse("10.0.0.1"));
        assertThat(r.dst()).isEqualTo(Ip.parse("10.0.0.2"));
        assertThat(List.of(r.srcPort(), r.dstPort(), r.proto(), r.tcpFlags())).containsExactly(5000, 27015, 17, 0);
        assertThat(List.of(r.packets(), r.bytes(), r.inIf(), r.outIf(), r.samplingRate())).containsExactly(3L, 900L, 7L, 8L, 100L);
        // header at uptime 10 000 ms and unix 1 700 000 000 s: first switched 9 000 ms is 1 s earlier
        assertThat(r.startMillis()).isEqualTo(1_699_999_999_000L);
        assertThat(r.endMillis()).isEqualTo(1_699_999_999_500L);
        assertThat(r.routing().nextHop()).isEqualTo(Ip.parse("192.0.2.254"));
        assertThat(r.routing().srcAs()).isEqualTo(64_500);
        assertThat(r.routing().dstMask()).isEqualTo(16);
        assertThat(d.records().get(1).tcpFlags()).isEqualTo(0x12);
        assertThat(r.templateId()).isEqualTo(-1);
    }

    @Test
    void uptimeTimesSurviveTheCounterWrap() {
        // header uptime 10 000 ms; a flow that started 4 096 ms before the 32-bit counter wrapped
        V5Record old = new V5Record("10.0.0.1", "10.0.0.2", 1, 2, 17, 1, 1, 0, 0, 0, 0xFFFF_F000L, 5_000);
        FlowRecord r = decode(decoder(), FlowExports.v5(0, old)).records().getFirst();
        assertThat(r.startMillis()).isEqualTo(1_700_000_000_000L - 14_096);
        assertThat(r.endMillis()).isEqualTo(1_700_000_000_000L - 5_000);
    }

    @Test
    void aZeroSamplingFieldIsUnknownNotOne() {
        DecodedDatagram d = decode(decoder(), FlowExports.v5(0, UDP));
        assertThat(d.records().getFirst().samplingRate()).isZero();
        assertThat(d.records().getFirst().samplingKnown()).isFalse();
        assertThat(d.samplingUnknown()).isEqualTo(1);
    }

    @Test
    void anOverrideWinsOverTheHeader() {
        var config = FlowDecoderConfig.defaults().withOverrides(List.of(SamplingOverride.parse("192.0.2.0/24=512")));
        DecodedDatagram d = decode(new FlowDecoder(config), FlowExports.v5(100, UDP));
        assertThat(d.records().getFirst().samplingRate()).isEqualTo(512);
        DecodedDatagram other = decode(new FlowDecoder(config), Ip.parse("198.51.100.1"), FlowExports.v5(0, UDP));
        assertThat(other.samplingUnknown()).isEqualTo(1);
    }

    @Test
    void badCountsAreDamage() {
        byte[] none = new ByteWriter().u16(5).u16(0).zeros(20).toByteArray();
        assertThat(Datagrams.error(decoder(), none).reason()).contains("record count 0");
        byte[] many = FlowExports.v5(0, UDP);
        many[3] = 31;
        assertThat(Datagrams.error(decoder(), many).reason()).contains("record count 31");
        byte[] claims2 = FlowExports.v5(0, UDP);
        claims2[3] = 2;
        assertThat(Datagrams.error(decoder(), claims2).reason()).contains("2 v5 records");
    }

    @Test
    void cutAtEveryByteIsCountedDamage() {
        Datagrams.everyCut(NetflowV5Test::decoder, FlowExports.v5(0, UDP, TCP), Set.of());
    }
}
