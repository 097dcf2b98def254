package netwarden.decode.flow;

import static netwarden.decode.flow.Datagrams.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.testkit.FlowExports;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;

class SflowTest {
    static final byte[] FRAME = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.1.1.1", "10.1.1.2")
            .packet(Frames.UDP, Frames.udp(50000, 27015, new byte[20])));

    private static FlowDecoder decoder() {
        return new FlowDecoder(FlowDecoderConfig.defaults());
    }

    @Test
    void flowAndCounterSamples() {
        byte[] dg = FlowExports.sflow("172.16.0.3", 9).flowSample(1024, 5, 6, FRAME, 1518, 42).counterSample(5, 123_456, 654_321)
                .flowSample(0, 5, 6, FRAME, 90, 42).toByteArray();
        DecodedDatagram d = decode(decoder(), dg);
        assertThat(d.protocol()).isEqualTo(FlowProtocol.SFLOW5);
        assertThat(d.exporter()).isEqualTo(Ip.parse("172.16.0.3"));
        assertThat(d.sflowFlowSamples()).isEqualTo(2);
        assertThat(d.sflowCounterSamples()).isEqualTo(1);
        FlowRecord f = d.records().getFirst();
        assertThat(f.exporter()).isEqualTo(Ip.parse("172.16.0.3"));
        assertThat(f.observationDomain()).isEqualTo(9);
        assertThat(f.src()).isEqualTo(Ip.parse("10.1.1.1"));
        assertThat(List.of(f.srcPort(), f.dstPort(), f.proto(), f.srcVlan(), f.dstVlan())).containsExactly(50000, 27015, 17, 42, 42);
        assertThat(List.of(f.bytes(), f.packets(), f.samplingRate(), f.inIf(), f.outIf())).containsExactly(1518L, 1L, 1024L, 5L, 6L);
        assertThat(d.records().get(1).samplingKnown()).isFalse();
        assertThat(d.samplingUnknown()).isEqualTo(1);
        InterfaceCounters c = d.counters().getFirst();
        assertThat(List.of(c.ifIndex(), c.ifSpeed(), c.inOctets(), c.outOctets(), c.inUcastPkts(), c.outErrors()))
                .containsExactly(5L, 10_000_000_000L, 123_456L, 654_321L, 1L, 11L);
        assertThat(c.agent()).isEqualTo(Ip.parse("172.16.0.3"));
    }

    @Test
    void badAgentTypeIsDamage() {
        byte[] dg = FlowExports.sflow("172.16.0.3", 0).toByteArray();
        dg[7] = 3;
        assertThat(Datagrams.error(decoder(), dg).reason()).contains("agent address type 3");
    }

    @Test
    void aRecordLongerThanItsSampleIsDamage() {
        byte[] dg = FlowExports.sflow("172.16.0.3", 0).flowSample(1, 1, 2, FRAME, 90, 1).toByteArray();
        // the first flow record's length field: header 28 + sample header 8 + flow sample fields 32 + format 4
        dg[28 + 8 + 32 + 4 + 3] = (byte) 0xff;
        assertThat(Datagrams.error(decoder(), dg).reason()).contains("overruns its sample");
    }

    @Test
    void cutAtEveryByteIsCountedDamage() {
        byte[] dg = FlowExports.sflow("2001:db8::3", 0).flowSample(10, 1, 2, FRAME, 90, 1).counterSample(1, 2, 3).toByteArray();
        Datagrams.everyCut(SflowTest::decoder, dg, Set.of());
    }
}
