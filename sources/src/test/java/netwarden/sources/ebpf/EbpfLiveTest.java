package netwarden.sources.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import netwarden.model.Clock;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.GameScenario;
import netwarden.sources.live.LiveLab;
import netwarden.sources.live.NetnsLab;
import org.junit.jupiter.api.Test;

/** eBPF TC capture against real traffic in private network namespaces (needs root, libbpf, the built object). */
@LiveLab(LiveLab.Capture.EBPF)
class EbpfLiveTest {
    @Test
    void countsEveryServiceExactlyAndFindsThePlayers() throws Exception {
        try (NetnsLab lab = NetnsLab.create(21)) {
            GameScenario.Result r = GameScenario.run(lab,
                    l -> new EbpfSource(l.serverIf, CaptureConfig.defaults(), l.serverNsPath(), Clock.SYSTEM));
            GameScenario.assertExact(r);
            CaptureCounters c = r.source().counters().getFirst();
            assertThat(c.evictions()).as("no evictions in a small test").isZero();
            assertThat(c.drops("unattributed")).isZero();
            assertThat(c.readCycles()).isGreaterThan(3);
            assertThat(r.snapshot().counters().packets()).as("engine got every packet the kernel counted").isEqualTo(c.packets());
            assertThat(lab.serverFilters("ingress") + lab.serverFilters("egress")).as("filters detached").doesNotContain("bpf");
            assertThat(lab.serverQdiscs()).as("clsact removed").doesNotContain("clsact");
        }
    }
}
