package netwarden.sources.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.GameScenario;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LiveLab;
import netwarden.sources.live.NetnsLab;
import org.junit.jupiter.api.Test;

/** libpcap capture against real traffic in private network namespaces (needs root). */
@LiveLab(LiveLab.Capture.PCAP)
class PcapLiveTest {
    @Test
    void countsEveryServiceExactlyAndFindsThePlayers() throws Exception {
        try (NetnsLab lab = NetnsLab.create(11)) {
            GameScenario.Result r = GameScenario.run(lab,
                    l -> new PcapSource(l.serverIf, CaptureConfig.defaults().withNetns(l.serverNs), l.serverNsPath()));
            GameScenario.assertExact(r);
            CaptureCounters c = r.source().counters().getFirst();
            assertThat(c.packets()).as("pcap saw at least the game packets").isGreaterThan(r.traffic().books(r.v4()).packetsIn.get());
        }
    }

    @Test
    void aFilterExpressionLimitsWhatIsCaptured() throws Exception {
        try (NetnsLab lab = NetnsLab.create(12)) {
            CaptureConfig cfg = CaptureConfig.defaults().withBpfFilter("udp port 9").withNetns(lab.serverNs);
            PcapSource source = new PcapSource(lab.serverIf, cfg, lab.serverNsPath());
            source.start(new Handoff());
            try {
                lab.inPeer(() -> {
                    try (var ch = java.nio.channels.DatagramChannel.open()) {
                        ch.bind(new java.net.InetSocketAddress(lab.peerV4(), 0));
                        for (int i = 0; i < 30; i++)
                            ch.send(java.nio.ByteBuffer.allocate(10), new java.net.InetSocketAddress(lab.serverV4(), i < 10 ? 9 : 10));
                    }
                    return null;
                });
                long deadline = System.currentTimeMillis() + 3000;
                while (source.counters().getFirst().packets() < 10 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                Thread.sleep(300);
            } finally {
                source.close();
            }
            assertThat(source.counters().getFirst().packets()).isEqualTo(10);
        }
    }

    @Test
    void aBadFilterOrInterfaceFailsWithAClearMessage() throws Exception {
        try (NetnsLab lab = NetnsLab.create(13)) {
            PcapSource badFilter = new PcapSource(lab.serverIf,
                    CaptureConfig.defaults().withBpfFilter("udp prot 9").withNetns(lab.serverNs), lab.serverNsPath());
            assertThatThrownBy(() -> badFilter.start(new Handoff())).isInstanceOf(CaptureException.class)
                    .hasMessageContaining("capture.bpf-filter 'udp prot 9' does not compile");
            PcapSource noSuch = new PcapSource("nosuch0", CaptureConfig.defaults(), lab.serverNsPath());
            assertThatThrownBy(() -> noSuch.start(new Handoff())).isInstanceOf(CaptureException.class)
                    .hasMessageContaining("pcap capture on nosuch0 failed").hasMessageContaining("capture.interfaces");
        }
    }
}
