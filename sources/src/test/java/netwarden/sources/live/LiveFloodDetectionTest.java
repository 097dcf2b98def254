package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Metric;
import netwarden.engine.detect.ScopeRules;
import netwarden.model.AttackKind;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.sources.pcap.PcapSource;
import org.junit.jupiter.api.Test;

/**
 * A bounded flood inside a private namespace pair, captured live with libpcap: the attack-start
 * event comes while the flood is still running, classified, sized and attributed to the service.
 */
@LiveLab(LiveLab.Capture.PCAP)
class LiveFloodDetectionTest {
    static final int FLOOD = 20_000;

    @Test
    void aLiveFloodRaisesAnAttackEvent() throws Exception {
        try (NetnsLab lab = NetnsLab.create(31)) {
            var off = new ScopeRules(false, Map.of());
            EngineConfig cfg = GameScenario.engineConfig(lab).withDetection(
                    DetectionConfig.defaults().withRules(new ScopeRules(true, Map.of(Metric.PPS, 2000.0)), off, off));
            List<Event> events = new CopyOnWriteArrayList<>();
            Engine engine = new Engine(cfg, events::add, true);
            PcapSource source = new PcapSource(lab.serverIf, CaptureConfig.defaults().withNetns(lab.serverNs), lab.serverNsPath());
            LivePipeline pipeline = new LivePipeline(List.of(source), Clock.SYSTEM);
            try (GameTraffic traffic = new GameTraffic(); pipeline) {
                pipeline.start(engine);
                traffic.udpServer(lab.serverNsPath(), lab.serverV4(), false);
                Thread.sleep(500);
                long started = System.nanoTime();
                // 10 kpps for 2 s: the flood outlasts detection, so frames after it are sampled too.
                Thread flood = traffic.udpClient(lab.peerNsPath(), lab.peerV4(99), lab.serverV4(), 'F', GameTraffic.FLOOD_PAYLOAD,
                        FLOOD, 100_000, false);
                long deadline = System.currentTimeMillis() + 10_000;
                while (events.stream().noneMatch(e -> e instanceof Event.AttackStarted) && System.currentTimeMillis() < deadline)
                    Thread.sleep(20);
                long detectedAfterMillis = (System.nanoTime() - started) / 1_000_000;
                flood.join(20_000);
                var start = events.stream().filter(e -> e instanceof Event.AttackStarted).map(e -> ((Event.AttackStarted) e).incident())
                        .findFirst().orElseThrow(() -> new AssertionError("no attack event within 10 s of a " + FLOOD + "-packet flood"));
                assertThat(start.kind()).isEqualTo(AttackKind.UDP_FLOOD);
                assertThat(start.service()).isEqualTo("game");
                assertThat(start.multiSource()).isFalse();
                assertThat(start.currentPps()).isGreaterThan(2000);
                assertThat(detectedAfterMillis).as("detected within 5 s of the flood's start").isLessThan(5_000);
                // The published snapshot is refreshed every second; the incident stays open for the quiet period.
                Incident live = start;
                for (long until = System.currentTimeMillis() + 4000; System.currentTimeMillis() < until && live.sample().isEmpty(); Thread.sleep(100))
                    live = engine.published().get().activeIncidents().stream().findFirst().orElse(live);
                assertThat(live.packets()).isPositive();
                assertThat(live.sample()).as("live incidents keep raw frames for their sample pcap").isNotEmpty();
                assertThat(live.sample().getFirst().linkType()).isEqualTo(1);
                assertThat(live.sample().getFirst().data().length).isEqualTo(live.sample().getFirst().wireLen());
            }
            assertThat(pipeline.failure()).isNull();
        }
    }
}
