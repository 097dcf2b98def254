package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModeSelectorTest {
    private static final Capabilities ROOT = new Capabilities(0x1ff_feff_ffffL);
    private static final Capabilities RAW_ONLY = new Capabilities(1L << Capabilities.CAP_NET_RAW);
    private static final Capabilities NONE = new Capabilities(0);

    @Test
    void autoTakesEbpfWhenEverythingIsThere() throws Exception {
        ModeChoice c = ModeSelector.choose(CaptureMode.AUTO, new ModeSelector.Host(ROOT, null, null));
        assertThat(c.mode()).isEqualTo(CaptureMode.EBPF);
        assertThat(c.describe()).startsWith("capture mode ebpf (auto): ebpf: ");
    }

    @Test
    void autoFallsBackToPcapSayingWhyNotEbpf() throws Exception {
        ModeChoice missingObject = ModeSelector.choose(CaptureMode.AUTO,
                new ModeSelector.Host(ROOT, "the eBPF object was not built into this jar", null));
        assertThat(missingObject.mode()).isEqualTo(CaptureMode.PCAP);
        assertThat(missingObject.reasons()).first().isEqualTo("not ebpf: the eBPF object was not built into this jar");
        ModeChoice rawOnly = ModeSelector.choose(CaptureMode.AUTO, new ModeSelector.Host(RAW_ONLY, null, null));
        assertThat(rawOnly.mode()).isEqualTo(CaptureMode.PCAP);
        assertThat(rawOnly.reasons().getFirst()).contains("CAP_BPF, CAP_NET_ADMIN");
    }

    @Test
    void autoEndsAtProcWithEveryReason() throws Exception {
        ModeChoice c = ModeSelector.choose(CaptureMode.AUTO, new ModeSelector.Host(NONE, null, null));
        assertThat(c.mode()).isEqualTo(CaptureMode.PROC);
        assertThat(c.reasons()).hasSize(3);
        assertThat(c.reasons().get(1)).isEqualTo("not pcap: needs root or CAP_NET_RAW (missing CAP_NET_RAW)");
        ModeChoice noLib = ModeSelector.choose(CaptureMode.AUTO, new ModeSelector.Host(RAW_ONLY, null, "libpcap not found"));
        assertThat(noLib.mode()).isEqualTo(CaptureMode.PROC);
        assertThat(noLib.reasons().get(1)).isEqualTo("not pcap: libpcap not found");
    }

    @Test
    void anExplicitModeTheHostCannotRunFailsAtOnce() throws Exception {
        assertThatThrownBy(() -> ModeSelector.choose(CaptureMode.EBPF, new ModeSelector.Host(RAW_ONLY, null, null)))
                .isInstanceOf(CaptureException.class).hasMessageStartingWith("capture.mode ebpf is not possible here: needs root");
        assertThatThrownBy(() -> ModeSelector.choose(CaptureMode.PCAP, new ModeSelector.Host(NONE, null, null)))
                .isInstanceOf(CaptureException.class).hasMessageContaining("CAP_NET_RAW");
        assertThat(ModeSelector.choose(CaptureMode.PROC, new ModeSelector.Host(NONE, "x", "y")).mode()).isEqualTo(CaptureMode.PROC);
        assertThat(ModeSelector.choose(CaptureMode.PCAP, new ModeSelector.Host(RAW_ONLY, "x", null)).mode()).isEqualTo(CaptureMode.PCAP);
    }
}
