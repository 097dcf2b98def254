package netwarden.decode.flow;

import static netwarden.decode.flow.Datagrams.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import org.junit.jupiter.api.Test;

class NetflowV9Test {
    /** src, dst, srcport, dstport, proto, bytes, packets, input, output, sampler id, first, last. */
    static final Field[] FLOW = {Field.of(8, 4), Field.of(12, 4), Field.of(7, 2), Field.of(11, 2), Field.of(4, 1),
        Field.of(1, 4), Field.of(2, 4), Field.of(10, 2), Field.of(14, 2), Field.of(48, 1), Field.of(22, 4), Field.of(21, 4)};

    static byte[] flow(String src, int sampler, long bytes) {
        return new ByteWriter().bytes(Ip.parse(src).bytes()).bytes(Ip.parse("10.0.0.2").bytes()).u16(5000).u16(27015).u8(17)
                .u32(bytes).u32(2).u16(3).u16(4).u8(sampler).u32(9_000).u32(9_500).toByteArray();
    }

    /** Options template 300: scope system (type 1), then sampler id, sampling interval and algorithm. */
    static byte[] samplerOptions(int... idAndRate) {
        ByteWriter body = new ByteWriter();
        for (int i = 0; i < idAndRate.length; i += 2) body.u32(0).u8(idAndRate[i]).u32(idAndRate[i + 1]).u8(2);
        return FlowExports.v9(7).optionsTemplate(300, 1, Field.of(1, 4), Field.of(48, 1), Field.of(34, 4), Field.of(35, 1))
                .data(300, idAndRate.length / 2, body.toByteArray()).toByteArray();
    }

    private static FlowDecoder decoder() {
        return new FlowDecoder(FlowDecoderConfig.defaults());
    }

    @Test
    void templateThenDataWithRatesPerSampler() {
        FlowDecoder d = decoder();
        DecodedDatagram options = decode(d, samplerOptions(1, 2000, 2, 4000));
        assertThat(options.optionsTemplates()).isEqualTo(1);
        assertThat(options.optionsRecords()).isEqualTo(2);
        byte[] data = FlowExports.v9(7).template(256, FLOW)
                .data(256, 3, concat(flow("10.0.0.1", 1, 100), flow("10.0.0.5", 2, 200), flow("10.0.0.6", 9, 300)))
                .toByteArray();
        DecodedDatagram r = decode(d, data);
        assertThat(r.templates()).isEqualTo(1);
        assertThat(r.dataRecords()).isEqualTo(3);
        assertThat(r.records()).extracting(FlowRecord::samplingRate).containsExactly(2000L, 4000L, 0L);
        assertThat(r.samplingUnknown()).isEqualTo(1);
        FlowRecord f = r.records().getFirst();
        assertThat(f.protocol()).isEqualTo(FlowProtocol.NETFLOW9);
        assertThat(f.observationDomain()).isEqualTo(7);
        assertThat(f.templateId()).isEqualTo(256);
        assertThat(List.of(f.srcPort(), f.dstPort(), f.proto())).containsExactly(5000, 27015, 17);
        assertThat(List.of(f.bytes(), f.packets(), f.inIf(), f.outIf())).containsExactly(100L, 2L, 3L, 4L);
        assertThat(f.startMillis()).isEqualTo(1_699_999_999_000L);
    }

    @Test
    void aRateInTheRecordItselfWins() {
        Field[] withRate = {Field.of(8, 4), Field.of(34, 4)};
        byte[] m = FlowExports.v9(0).template(260, withRate)
                .data(260, 1, new ByteWriter().bytes(Ip.parse("10.0.0.1").bytes()).u32(2048).toByteArray()).toByteArray();
        assertThat(decode(decoder(), m).records().getFirst().samplingRate()).isEqualTo(2048);
    }

    @Test
    void dataBeforeItsTemplateIsHeldThenReleased() {
        FlowDecoder d = decoder();
        DecodedDatagram early = decode(d, FlowExports.v9(7).data(256, 1, flow("10.0.0.1", 1, 100)).toByteArray());
        assertThat(early.undecodedSets()).isEqualTo(1);
        assertThat(early.records()).isEmpty();
        assertThat(d.heldSets()).isEqualTo(1);
        DecodedDatagram tpl = decode(d, FlowExports.v9(7).template(256, FLOW).toByteArray());
        assertThat(tpl.released()).singleElement().extracting(FlowRecord::bytes).isEqualTo(100L);
        assertThat(tpl.dataRecords()).isZero();
        assertThat(d.heldSets()).isZero();
    }

    @Test
    void heldSetsAreBoundedInCountAndAge() {
        FlowDecoder d = new FlowDecoder(new FlowDecoderConfig(16, 2, 3, List.of()));
        byte[] orphan = FlowExports.v9(7).data(256, 1, flow("10.0.0.1", 1, 100)).toByteArray();
        decode(d, orphan);
        decode(d, orphan);
        assertThat(decode(d, orphan).droppedSets()).isEqualTo(1);
        assertThat(d.heldSets()).isEqualTo(2);
        byte[] unrelated = FlowExports.v9(8).template(999, FLOW).toByteArray();
        int dropped = 0;
        for (int i = 0; i < 4; i++) dropped += decode(d, unrelated).droppedSets();
        assertThat(dropped).isEqualTo(2);
        assertThat(d.heldSets()).isZero();
        assertThat(d.expiredHeldSets()).isEqualTo(2);
    }

    @Test
    void templatesAreKeyedOnExporterAndSourceId() {
        FlowDecoder d = decoder();
        decode(d, FlowExports.v9(7).template(256, FLOW).toByteArray());
        byte[] data = FlowExports.v9(7).data(256, 1, flow("10.0.0.1", 1, 100)).toByteArray();
        assertThat(decode(d, Ip.parse("192.0.2.2"), data).undecodedSets()).isEqualTo(1);
        assertThat(decode(d, FlowExports.v9(8).data(256, 1, flow("10.0.0.1", 1, 100)).toByteArray()).undecodedSets()).isEqualTo(1);
        assertThat(decode(d, data).dataRecords()).isEqualTo(1);
        assertThat(d.templates().get(new TemplateKey(Datagrams.EXPORTER, 9, 7, 256)).fields()).hasSize(FLOW.length);
    }

    @Test
    void aFullCacheRefusesNewTemplates() {
        FlowDecoder d = new FlowDecoder(new FlowDecoderConfig(1, 0, 0, List.of()));
        decode(d, FlowExports.v9(7).template(256, FLOW).toByteArray());
        DecodedDatagram r = decode(d, FlowExports.v9(7).template(257, FLOW).toByteArray());
        assertThat(r.refusedTemplates()).isEqualTo(1);
        assertThat(r.templates()).isZero();
    }

    @Test
    void malformedSetsAreDamage() {
        byte[] shortSet = concat(FlowExports.v9(0).toByteArray(), new ByteWriter().u16(256).u16(2).toByteArray());
        assertThat(Datagrams.error(decoder(), shortSet).reason()).contains("length 2 is below 4");
        byte[] lowId = FlowExports.v9(0).template(256, FLOW).toByteArray();
        lowId[24] = 0;
        lowId[25] = 5;
        assertThat(Datagrams.error(decoder(), lowId).reason()).contains("template id 5");
        byte[] badOptions = FlowExports.v9(0).set(1, new ByteWriter().u16(300).u16(3).u16(4).u16(1).u16(4).u16(34).u16(4)
                .toByteArray()).toByteArray();
        assertThat(Datagrams.error(decoder(), badOptions).reason()).contains("multiples of 4");
    }

    @Test
    void cutAtEveryByteIsCountedDamage() {
        byte[] tpl = FlowExports.v9(7).template(256, FLOW).toByteArray();
        byte[] full = FlowExports.v9(7).template(256, FLOW).data(256, 1, flow("10.0.0.1", 1, 100)).toByteArray();
        // a cut at the end of the header or of the template set leaves whole sets (v9: under 4 bytes more is padding)
        Datagrams.everyCut(NetflowV9Test::decoder, full, Set.of(20, 21, 22, 23, tpl.length, tpl.length + 1, tpl.length + 2, tpl.length + 3));
    }

    static byte[] concat(byte[]... parts) {
        ByteWriter w = new ByteWriter();
        for (byte[] p : parts) w.bytes(p);
        return w.toByteArray();
    }
}
