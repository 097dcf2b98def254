package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureConfigTest {
    private static CaptureConfig with(int snaplen, int buffer, int handoff, int flows, Duration poll, List<String> ifs) {
        return new CaptureConfig(CaptureMode.AUTO, ifs, null, snaplen, false, true, buffer, null, handoff, flows, null, poll);
    }

    @Test
    void defaultsAreValidAndSensible() {
        CaptureConfig d = CaptureConfig.defaults();
        assertThat(d.mode()).isEqualTo(CaptureMode.AUTO);
        assertThat(d.interfaces()).isEmpty();
        assertThat(d.promiscuous()).isFalse();
        assertThat(d.immediate()).as("blocks, not per-packet wake-ups").isFalse();
        assertThat(d.snaplen()).isEqualTo(256);
        assertThat(d.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsBadValuesNamingTheKeyAndValue() {
        List<String> none = List.of();
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> with(10, 1 << 20, 4096, 4096, s, none)).hasMessage("capture.snaplen must be 64..262144: 10");
        assertThatThrownBy(() -> with(256, 1000, 4096, 4096, s, none)).hasMessage("capture.buffer-size must be at least 1 MiB: 1000");
        assertThatThrownBy(() -> with(256, 1 << 20, 10, 4096, s, none)).hasMessage("capture.handoff-capacity must be 1024..4194304: 10");
        assertThatThrownBy(() -> with(256, 1 << 20, 4096, 5, s, none)).hasMessage("capture.ebpf-flow-entries must be 1024..16777216: 5");
        assertThatThrownBy(() -> with(256, 1 << 20, 4096, 4096, Duration.ofMillis(1500), none))
                .hasMessage("capture.poll-interval must be a whole number of seconds, 1s..60s: PT1.5S");
        assertThatThrownBy(() -> with(256, 1 << 20, 4096, 4096, s, List.of("eth0", "eth0"))).hasMessage("capture.interfaces: listed twice: eth0");
        assertThatThrownBy(() -> with(256, 1 << 20, 4096, 4096, s, List.of("eth0; rm -rf /")))
                .hasMessage("capture.interfaces: not an interface name: 'eth0; rm -rf /'");
    }

    @Test
    void blankFilterAndNamespaceMeanNone() {
        CaptureConfig c = CaptureConfig.defaults().withBpfFilter("  ").withNetns(" ");
        assertThat(c.bpfFilter()).isNull();
        assertThat(c.netns()).isNull();
    }

    @Test
    void modesParseFromTheirConfigSpelling() {
        for (CaptureMode m : CaptureMode.values()) assertThat(CaptureMode.parse(" " + m.key().toUpperCase() + " ")).isEqualTo(m);
        assertThatThrownBy(() -> CaptureMode.parse("xdp")).hasMessage("capture.mode must be auto, ebpf, pcap or proc: 'xdp'");
    }
}
