package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.ServiceSnapshot;
import netwarden.model.WindowStats;
import org.junit.jupiter.api.Test;

class DiscoveryAndWindowsTest {
    final EventLog log = new EventLog();

    Engine discovering(int exactLimit, int history) {
        var d = EngineConfig.defaults();
        return new Engine(new EngineConfig(List.of(), d.discovery(), d.players(), new WindowConfig(history, exactLimit, 3), d.flowCapacity()), log, false);
    }

    @Test
    void endpointWithEnoughSourcesBecomesAServiceAndKeepsItsEarlierTraffic() {
        Engine engine = discovering(4096, 300);
        Traffic t = new Traffic(engine);
        t.udp(0.1, "198.51.100.1", 5000, "192.0.2.1", 27015, 100);
        t.udp(0.2, "198.51.100.1", 5000, "192.0.2.1", 27015, 100);
        t.udp(1.5, "198.51.100.2", 5000, "192.0.2.1", 27015, 100);
        t.udp(2.5, "192.0.2.1", 27015, "198.51.100.2", 5000, 500);       // an answer: not a source of anything
        t.udp(3.5, "198.51.100.3", 5000, "192.0.2.1", 27015, 100);
        t.udp(3.6, "198.51.100.3", 5000, "192.0.2.9", 27015, 100);       // one source only: stays a candidate
        t.udp(4.5, "198.51.100.4", 5000, "192.0.2.1", 27015, 100);
        t.flush();
        engine.finish();

        var found = log.of(Event.ServiceDiscovered.class);
        assertThat(found).extracting(Event::service).containsExactly("192.0.2.1-udp-27015");
        assertThat(found.getFirst().tsNanos()).isEqualTo(Traffic.at(3.5));
        EngineSnapshot snap = engine.snapshot();
        assertThat(snap.services()).hasSize(1);
        ServiceSnapshot s = snap.services().getFirst();
        assertThat(s.discovered()).isTrue();
        assertThat(s.packetsIn()).isEqualTo(5);
        assertThat(s.bytesIn()).isEqualTo(500);
        assertThat(s.packetsOut()).isEqualTo(1);
        // Windows exist from the second the service was found; the seconds before are still in the totals.
        assertThat(s.recent()).extracting(WindowStats::packets).containsExactly(1L, 1L);
        assertThat(s.peakPps()).isEqualTo(1);
        assertThat(snap.counters().servicesDiscovered()).isEqualTo(1);
        assertThat(snap.counters().endpointsTracked()).isEqualTo(3); // two on 192.0.2.x:27015 and the answer's destination
    }

    @Test
    void binsCountPacketsBytesSourcesAndTopSourcesPerSecond() {
        Engine engine = discovering(4096, 300);
        Traffic t = new Traffic(engine);
        for (int i = 0; i < 3; i++) t.udp(0.1 * i, "198.51.100." + (i + 1), 1, "192.0.2.1", 80, 100);
        for (int i = 0; i < 10; i++) t.udp(1.05 + i * 0.01, "198.51.100.1", 1, "192.0.2.1", 80, 60);
        for (int i = 0; i < 4; i++) t.udp(1.5 + i * 0.01, "198.51.100.2", 1, "192.0.2.1", 80, 60);
        for (int i = 0; i < 7; i++) t.udp(1.6 + i * 0.01, "198.51.100." + (10 + i), 1, "192.0.2.1", 80, 60);
        t.udp(5.2, "198.51.100.3", 1, "192.0.2.1", 80, 60);   // a gap of three empty seconds
        t.flush();
        engine.finish();

        List<WindowStats> w = engine.snapshot().services().getFirst().recent();
        assertThat(w).extracting(WindowStats::startSecond).containsExactly(
                Traffic.T0 / 1_000_000_000L, Traffic.T0 / 1_000_000_000L + 1, Traffic.T0 / 1_000_000_000L + 2,
                Traffic.T0 / 1_000_000_000L + 3, Traffic.T0 / 1_000_000_000L + 4, Traffic.T0 / 1_000_000_000L + 5);
        assertThat(w).extracting(WindowStats::packets).containsExactly(3L, 21L, 0L, 0L, 0L, 1L);
        WindowStats busy = w.get(1);
        assertThat(busy.bytes()).isEqualTo(21 * 60);
        assertThat(busy.bps()).isEqualTo(21 * 60 * 8);
        assertThat(busy.distinctSources()).isEqualTo(9);
        assertThat(busy.sourcesEstimated()).isFalse();
        assertThat(busy.newSources()).isEqualTo(7);
        assertThat(busy.topSources()).hasSize(3);
        assertThat(busy.topSources().get(0).address()).isEqualTo(Ip.parse("198.51.100.1"));
        assertThat(busy.topSources().get(0).packets()).isEqualTo(10);
        assertThat(busy.topSources().get(1).packets()).isEqualTo(4);
        assertThat(busy.topSources().get(2).packets()).isEqualTo(1);
    }

    @Test
    void manySourcesSwitchToTheSketchAndStayAccurate() {
        Engine engine = discovering(64, 10);
        Traffic t = new Traffic(engine);
        int n = 50_000;
        for (int i = 0; i < n; i++) t.udp(0.5 + i * 1e-5, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 9, "192.0.2.1", 53, 60);
        t.udp(1.5, "10.9.9.9", 9, "192.0.2.1", 53, 60);
        t.flush();
        engine.finish();
        WindowStats w = engine.snapshot().services().getFirst().recent().getFirst();
        assertThat(w.sourcesEstimated()).isTrue();
        assertThat((double) w.distinctSources()).isCloseTo(n, org.assertj.core.data.Percentage.withPercentage(2.5));
        assertThat(engine.snapshot().counters().sketchSwitches()).isEqualTo(1);
        assertThat(engine.snapshot().services().getFirst().recent()).hasSize(2);
    }

    @Test
    void liveClockClosesSecondsWithoutPacketsAndLateOnesAreCounted() {
        var engine = new Engine(EngineConfig.defaults(), log, true);
        Traffic t = new Traffic(engine);
        for (int i = 0; i < 3; i++) t.udp(0.1 + i * 0.1, "198.51.100." + (i + 1), 1, "192.0.2.1", 7777, 100);
        t.flush();
        assertThat(engine.published().get().services()).isEmpty();
        engine.advanceTo(Traffic.at(1.0));
        assertThat(engine.published().get().services()).hasSize(1);
        engine.advanceTo(Traffic.at(4.2));
        ServiceSnapshot s = engine.published().get().services().getFirst();
        assertThat(s.recent()).extracting(WindowStats::packets).containsExactly(3L, 0L, 0L, 0L);
        t.udp(3.9, "198.51.100.1", 1, "192.0.2.1", 7777, 100);
        t.flush();
        assertThat(engine.snapshot().counters().latePackets()).isEqualTo(1);
        assertThat(engine.snapshot().counters().packets()).isEqualTo(4);
    }

    @Test
    void nonIpFramesAreCountedNotTracked() {
        var engine = new Engine(EngineConfig.defaults(), log, false);
        var p = new Packet();
        p.tsNanos = Traffic.T0;
        p.wireLen = 60;
        engine.onPacket(p);
        assertThat(engine.snapshot().counters().nonIpPackets()).isEqualTo(1);
        assertThat(engine.snapshot().counters().bytes()).isEqualTo(60);
    }

    @Test
    void idleCandidatesAreForgotten() {
        var d = EngineConfig.defaults();
        var cfg = new EngineConfig(List.of(), new DiscoveryConfig(true, 3, Duration.ofSeconds(5), 10, 100), d.players(), d.windows(), d.flowCapacity());
        var engine = new Engine(cfg, log, false);
        Traffic t = new Traffic(engine);
        for (int i = 0; i < 50; i++) t.udp(0.01 * i, "198.51.100.1", 1, "192.0.2.1", 1000 + i, 60); // a port scan
        for (int s = 1; s < 30; s++) t.udp(s, "198.51.100.2", 1, "192.0.2.2", 9, 60);
        t.flush();
        engine.finish();
        assertThat(engine.snapshot().counters().endpointsTracked()).isEqualTo(1);
        for (int i = 0; i < 200; i++) t.udp(31 + 0.001 * i, "198.51.100.1", 1, "192.0.2.1", 2000 + i, 60);
        t.flush();
        assertThat(engine.snapshot().counters().endpointsTracked()).isEqualTo(100);
        assertThat(engine.snapshot().counters().endpointsUntracked()).isEqualTo(101);
    }
}
