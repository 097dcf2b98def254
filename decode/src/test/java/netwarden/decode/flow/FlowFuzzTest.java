package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import netwarden.model.Ip;

/**
 * Fuzz targets for the flow decoders. In a normal {@code mvnw test} Jazzer runs them in regression
 * mode over the seeds in {@code src/test/resources/netwarden/decode/flow/FlowFuzzTestInputs/<method>/}
 * (written by {@link FlowFuzzSeeds#main}); with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 * Each protocol target forces its version so the fuzzer spends its time past the header.
 *
 * <p>Properties: nothing but {@link FlowDecodeException} escapes, with an offset inside the
 * datagram; every record's fields stay in their ranges; the counts agree with the lists; held sets
 * stay within their bound.
 */
class FlowFuzzTest {
    private static final Ip EXPORTER = Ip.parse("192.0.2.1");

    @FuzzTest(maxDuration = "60s")
    void netflow5(byte[] data) {
        decodeStream(withVersion(data, 0, 5));
    }

    @FuzzTest(maxDuration = "60s")
    void netflow9(byte[] data) {
        decodeStream(withVersion(data, 0, 9));
    }

    @FuzzTest(maxDuration = "60s")
    void ipfix(byte[] data) {
        decodeStream(withVersion(data, 0, 10));
    }

    @FuzzTest(maxDuration = "60s")
    void sflow(byte[] data) {
        decodeStream(withVersion(data, 0, 0, 0, 5));
    }

    @FuzzTest(maxDuration = "60s")
    void templateCacheFile(byte[] data) {
        try {
            var loaded = TemplateCacheFile.read(data);
            assertThat(TemplateCacheFile.read(TemplateCacheFile.write(loaded))).isEqualTo(loaded);
        } catch (FlowDecodeException e) {
            assertThat(e.decoder()).isEqualTo("template-cache");
        }
    }

    /** The input split at 0xFFFF 0xFFFF markers is a stream of datagrams through one decoder (templates carry over). */
    private static void decodeStream(byte[] data) {
        FlowDecoder decoder = new FlowDecoder(new FlowDecoderConfig(64, 4, 8, java.util.List.of()));
        int from = 0, i = 0;
        while (from <= data.length) {
            boolean marker = i + 3 < data.length && data[i] == -1 && data[i + 1] == -1 && data[i + 2] == -1 && data[i + 3] == -1;
            if (i < data.length && !marker) {
                i++;
                continue;
            }
            byte[] dg = Arrays.copyOfRange(data, from, i);
            from = i + 4;
            i = from;
            try {
                check(decoder.decode(EXPORTER, MemorySegment.ofArray(dg)));
            } catch (FlowDecodeException e) {
                assertThat(e.offset()).isBetween(0L, (long) dg.length);
                assertThat(e.getMessage()).contains(e.reason());
            }
            assertThat(decoder.heldSets()).isBetween(0, 4);
            assertThat(decoder.templates().size()).isBetween(0, 64);
        }
    }

    private static void check(DecodedDatagram d) {
        assertThat(d.records()).hasSize(d.dataRecords());
        assertThat(d.sflowFlowSamples()).isBetween(0, d.dataRecords());
        assertThat(d.samplingUnknown()).isBetween(0, d.records().size() + d.released().size());
        for (FlowRecord r : d.records()) {
            assertThat(r.srcPort()).isBetween(-1, 65535);
            assertThat(r.dstPort()).isBetween(-1, 65535);
            assertThat(r.proto()).isBetween(-1, 255);
            assertThat(r.tcpFlags()).isBetween(-1, 65535);
            assertThat(r.samplingRate()).isNotNegative();
            assertThat(r.srcVlan()).isBetween(-1, 4095);
            boolean templated = r.protocol() == FlowProtocol.NETFLOW9 || r.protocol() == FlowProtocol.IPFIX;
            if (templated) assertThat(r.templateId()).isBetween(256, 65535);
            else assertThat(r.templateId()).isEqualTo(-1);
        }
    }

    private static byte[] withVersion(byte[] data, int... version) {
        byte[] out = Arrays.copyOf(data, Math.max(data.length, version.length));
        for (int i = 0; i < version.length; i++) out[i] = (byte) version[i];
        return out;
    }
}
