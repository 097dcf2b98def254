package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import org.junit.jupiter.api.Test;

class TemplateCacheFileTest {
    private static Map<TemplateKey, Template> sample() {
        FlowDecoder d = new FlowDecoder(FlowDecoderConfig.defaults());
        Datagrams.decode(d, FlowExports.ipfix(0xfffffff0L).template(400, Field.of(8, 4), new Field(1, 8, 29305), Field.of(82, 65535))
                .optionsTemplate(401, 1, Field.of(302, 2), Field.of(34, 4)).toByteArray());
        Datagrams.decode(d, Ip.parse("2001:db8::9"), FlowExports.v9(3).template(256, NetflowV9Test.FLOW).toByteArray());
        return d.templates().snapshot();
    }

    @Test
    void roundTripsEveryTemplate() throws FlowDecodeException {
        Map<TemplateKey, Template> templates = sample();
        assertThat(templates).hasSize(3);
        Map<TemplateKey, Template> loaded = TemplateCacheFile.read(TemplateCacheFile.write(templates));
        assertThat(loaded).isEqualTo(templates);
    }

    @Test
    void aLoadedCacheDecodesDataAtOnce() throws FlowDecodeException {
        byte[] saved = TemplateCacheFile.write(sample());
        FlowDecoder restarted = new FlowDecoder(FlowDecoderConfig.defaults());
        assertThat(restarted.templates().putAll(TemplateCacheFile.read(saved))).isZero();
        byte[] data = FlowExports.v9(3).data(256, 1, NetflowV9Test.flow("10.0.0.1", 1, 77)).toByteArray();
        assertThat(Datagrams.decode(restarted, Ip.parse("2001:db8::9"), data).records()).singleElement()
                .extracting(FlowRecord::bytes).isEqualTo(77L);
    }

    @Test
    void refusesOtherVersionsAndDamage() {
        byte[] file = TemplateCacheFile.write(sample());
        byte[] v2 = file.clone();
        v2[5] = 2;
        assertThatThrownBy(() -> TemplateCacheFile.read(v2)).isInstanceOf(FlowDecodeException.class).hasMessageContaining("version 2");
        byte[] magic = file.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> TemplateCacheFile.read(magic)).hasMessageContaining("magic");
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> TemplateCacheFile.read(cut)).as("cut at %d", n).isInstanceOf(FlowDecodeException.class);
        }
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        assertThatThrownBy(() -> TemplateCacheFile.read(longer)).hasMessageContaining("after the last template");
    }

    @Test
    void anEmptyCacheIsValid() throws FlowDecodeException {
        assertThat(TemplateCacheFile.read(TemplateCacheFile.write(Map.of()))).isEmpty();
        assertThat(new TemplateCache(2).putAll(Map.of())).isZero();
        assertThat(List.of()).isEmpty();
    }
}
