package netwarden.app.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.config.Binding;
import netwarden.app.config.ConfigProblem;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class CaptureConfigBinderTest {
    /** Reads YAML the way the config loader does (kebab-case keys, unknown keys rejected). */
    private static RawCapture yaml(String text) throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper.readValue(text, RawCapture.class);
    }

    @Test
    void everyKeyBindsAndAbsentOnesKeepTheirDefaults() throws Exception {
        CaptureConfig c = CaptureConfigBinder.bind(yaml("""
                mode: pcap
                interfaces: [eth0, "${IF}"]
                netns: game
                snaplen: 128
                promiscuous: true
                immediate: true
                buffer-size: 64MiB
                bpf-filter: udp
                handoff-capacity: 4096
                ebpf-flow-entries: 131072
                ebpf-object: /opt/nw.o
                poll-interval: 2s
                """), Binding.detached(Map.of("IF", "eth1")));
        assertThat(c).isEqualTo(new CaptureConfig(CaptureMode.PCAP, List.of("eth0", "eth1"), "game", 128, true, true, 64 << 20, "udp",
                4096, 131072, Path.of("/opt/nw.o"), Duration.ofSeconds(2)));
        assertThat(CaptureConfigBinder.bind(yaml("mode: proc"), Binding.detached(Map.of()))).isEqualTo(CaptureConfig.defaults().withMode(CaptureMode.PROC));
        assertThat(CaptureConfigBinder.bind(null, Binding.detached(Map.of()))).isEqualTo(CaptureConfig.defaults());
    }

    /** The problems binding {@code text} records, one text each. */
    private static List<String> problems(String text) throws Exception {
        Binding b = Binding.detached(Map.of());
        CaptureConfigBinder.bind(yaml(text), b);
        return b.problems().stream().map(ConfigProblem::text).toList();
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        assertThat(problems("mode: xdp")).singleElement().asString().startsWith("capture.mode");
        assertThat(problems("buffer-size: lots")).containsExactly("capture.buffer-size must be a size such as 32MiB or 1048576: 'lots'");
        assertThat(problems("poll-interval: 1")).singleElement().asString().startsWith("capture.poll-interval: ");
        assertThat(problems("snaplen: 1")).singleElement().asString().startsWith("capture.snaplen");
        assertThat(problems("mode: xdp\nsnaplen: 1\npoll-interval: 1")).as("every problem, not the first").hasSize(3);
        assertThatThrownBy(() -> yaml("snap-len: 64")).hasMessageContaining("snap-len");
        assertThat(CaptureConfigBinder.bytes("k", "1048576")).isEqualTo(1 << 20);
        assertThat(CaptureConfigBinder.bytes("k", "2 KiB")).isEqualTo(2048);
    }

    @Command(name = "run")
    static final class Run {
        @Mixin CaptureOptions capture;
    }

    @Test
    void flagsOverrideTheConfig() {
        Run run = new Run();
        new CommandLine(run).parseArgs("--capture", "EBPF", "--interface", "eth0", "--interface", "eth1");
        assertThat(run.capture.requested()).isTrue();
        CaptureConfig c = run.capture.applyTo(CaptureConfig.defaults().withInterfaces(List.of("wg0")));
        assertThat(c.mode()).isEqualTo(CaptureMode.EBPF);
        assertThat(c.interfaces()).containsExactly("eth0", "eth1");
        Run none = new Run();
        new CommandLine(none).parseArgs();
        assertThat(none.capture.requested()).isFalse();
        assertThat(none.capture.applyTo(CaptureConfig.defaults())).isEqualTo(CaptureConfig.defaults());
        assertThatThrownBy(() -> new CommandLine(new Run()).parseArgs("--capture", "xdp"))
                .hasMessageContaining("capture.mode must be auto, ebpf, pcap or proc: 'xdp'");
    }
}
