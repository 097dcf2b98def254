package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import netwarden.model.AttackKind;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ScopeKind;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The regression corpus: one generated capture per class of attack the default detection once
 * missed, and clean traffic that must stay silent, all with the default configuration. Each case
 * is built packet by packet ({@link Traffic}), deterministic (fixed seeds), and replayed as a
 * file would be: attacks end where their traffic did.
 */
class AttackCorpusTest {
    static final String SERVER = "192.0.2.1";
    final EventLog log = new EventLog();
    final Random random = new Random(14);

    Engine game() {
        var spec = new ServiceSpec("game", new ServiceKey(Ip.parse(SERVER), Proto.UDP, 27960), null);
        var d = EngineConfig.defaults();
        return new Engine(new EngineConfig(List.of(spec), d.discovery(), d.players(), d.windows(), d.flowCapacity(), d.detection()), log, false);
    }

    Engine discovering() {
        return new Engine(EngineConfig.defaults(), log, false);
    }

    List<Incident> started() {
        return log.of(Event.AttackStarted.class).stream().map(Event.AttackStarted::incident).toList();
    }

    String randomSource(String prefix) {
        return prefix + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    @Test
    void synAckAndRstSprayIsATcpReflectionSizedOverItsOwnSpan() {
        Engine e = discovering();
        Traffic t = new Traffic(e);
        // 8,000 segments in 0.15 s (≈ 53 kpps) from ≈ 7,000 reflectors to random ports across 200 addresses
        for (int i = 0; i < 8000; i++) {
            String src = "198.18." + (i % 7000 / 250) + "." + (i % 7000 % 250);
            int flags = i % 3 == 0 ? 0x04 : 0x12; // RST or SYN-ACK
            t.tcp(i * 0.15 / 8000, src, i % 2 == 0 ? 80 : 443, "203.0.113." + (i % 200), 1024 + random.nextInt(60000), flags, 0);
        }
        t.flush();
        e.finish(true);
        var found = started();
        assertThat(found).hasSize(1);
        Incident i = found.getFirst();
        assertThat(i.kind()).isEqualTo(AttackKind.REFLECTION_TCP);
        assertThat(i.scope()).isIn(ScopeKind.NETWORK, ScopeKind.SPRAY);
        assertThat(e.snapshot().incidents().getFirst().packets()).isEqualTo(8000);
        assertThat((double) e.snapshot().incidents().getFirst().peakPps()).isCloseTo(8000 / 0.15, Percentage.withPercentage(5));
        assertThat(log.of(Event.ServiceDiscovered.class)).isEmpty();
    }

    @Test
    void isakmpNatTraversalReflectionToRandomPortsOfManyHosts() {
        Engine e = discovering();
        Traffic t = new Traffic(e);
        // ≈ 10 kpps for 0.4 s from ≈ 2,800 sources, UDP source port 4500, random ports of 64 hosts
        for (int i = 0; i < 4000; i++)
            t.udp(0.5 + i * 0.4 / 4000, "198.18." + (i % 2800 / 250) + "." + (i % 2800 % 250), 4500,
                    "203.0.113." + (i % 64), 1024 + random.nextInt(60000), 180);
        t.flush();
        e.finish(true);
        var found = started();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().kind()).isEqualTo(AttackKind.REFLECTION_ISAKMP);
        assertThat(found.getFirst().scope()).isEqualTo(ScopeKind.SPRAY);
        assertThat(found.getFirst().target()).isEqualTo("udp source port 4500");
        assertThat(e.snapshot().incidents().getFirst().packets()).isEqualTo(4000);
        assertThat(log.of(Event.ServiceDiscovered.class)).isEmpty();
    }

    @Test
    void isakmpReflectionToOneHostIsOneHostAttack() {
        Engine e = discovering();
        Traffic t = new Traffic(e);
        for (int i = 0; i < 4000; i++)
            t.udp(0.5 + i * 0.4 / 4000, "198.18." + (i % 2800 / 250) + "." + (i % 2800 % 250), 4500, "203.0.113.7", 1024 + random.nextInt(60000), 180);
        t.flush();
        e.finish(true);
        var found = started();
        assertThat(found).extracting(Incident::kind).containsExactly(AttackKind.REFLECTION_ISAKMP);
        assertThat(found.getFirst().scope()).isEqualTo(ScopeKind.HOST);
        assertThat((double) e.snapshot().incidents().getFirst().peakPps()).isCloseTo(10_000, Percentage.withPercentage(5));
    }

    @Test
    void tenThousandDhcpRequestsSharingOneTimestampAreOneBurst() {
        Engine e = discovering();
        Traffic t = new Traffic(e);
        for (int i = 0; i < 10_000; i++) t.udp(3.25, "0.0.0.0", 68, "255.255.255.255", 67, 342);
        t.flush();
        e.finish(true);
        var found = e.snapshot().incidents();
        assertThat(found).hasSize(1);
        Incident i = found.getFirst();
        assertThat(i.kind()).isEqualTo(AttackKind.UDP_FLOOD);
        assertThat(i.packets()).isEqualTo(10_000);
        assertThat(i.reason()).contains("share one timestamp");
        assertThat(i.peakPps()).isGreaterThanOrEqualTo(10_000_000L); // 10,000 packets within the clock's 1 ms resolution
    }

    @Test
    void smallGameServerFloodedFromSpoofedSourcesThenReflected() {
        Engine e = game();
        Traffic t = new Traffic(e);
        t.play("198.51.100.11", 27005, SERVER, 27960, 0, 60, 30, true);
        t.play("198.51.100.12", 27005, SERVER, 27960, 0, 60, 30, true);
        // ≈ 800 pps for 10 s from 200 spoofed sources: far under the 20 kpps floor of a big server
        for (int i = 0; i < 8000; i++) t.udp(15 + i / 800.0, "100.64." + (i % 200) + ".9", 1024 + i % 5000, SERVER, 27960, 60);
        // then a memcached reflection
        for (int i = 0; i < 3000; i++) t.udp(45 + i / 600.0, "10.9.0." + (1 + i % 20), 11211, SERVER, 27960, 1400);
        t.flush();
        e.finish(true);
        var found = started();
        assertThat(found).extracting(Incident::kind).containsExactly(AttackKind.UDP_FLOOD, AttackKind.REFLECTION_MEMCACHED);
        Incident flood = e.snapshot().incidents().getFirst();
        assertThat((flood.startNanos() - Traffic.at(15)) / 1e9).isBetween(-0.2, 3.0);
        assertThat(flood.reason()).containsAnyOf("non-player", "new-sources-10s");
        assertThat(flood.topSources()).noneMatch(s -> s.address().toString().startsWith("198.51.100."));
        assertThat(e.snapshot().service("game").playersNow()).isEqualTo(2);
    }

    @Test
    void aSourceThatJoinsJustAfterTheFloodLeavesTheListWithAFollowUp() {
        Engine e = game();
        Traffic t = new Traffic(e);
        t.play("198.51.100.11", 27005, SERVER, 27960, 0, 80, 30, true);
        // a flood from 200 sources, 5 kpps for 10 s (25 pps each)
        for (int i = 0; i < 50_000; i++) t.udp(10 + i / 5_000.0, "100.64.0." + (i % 200), 40000, SERVER, 27960, 100);
        // a player connects during the flood, sends a lot (a map download) and plays on after it
        t.play("198.51.100.50", 27005, SERVER, 27960, 12, 80, 90, true);
        t.flush();
        e.finish(true);
        Incident start = started().getFirst();
        assertThat(start.kind()).isEqualTo(AttackKind.UDP_FLOOD);
        var ended = log.of(Event.AttackEnded.class).getFirst().incident();
        assertThat(ended.topSources()).extracting(s -> s.address().toString()).contains("198.51.100.50");
        var corrections = log.of(Event.AttackUpdated.class).stream().map(Event.AttackUpdated::incident)
                .filter(i -> i.reason().contains("corrected")).toList();
        assertThat(corrections).hasSize(1);
        assertThat(corrections.getFirst().reason()).contains("198.51.100.50 became a player");
        assertThat(corrections.getFirst().topSources()).extracting(s -> s.address().toString()).doesNotContain("198.51.100.50");
        assertThat(e.snapshot().incidents().getFirst().topSources()).extracting(s -> s.address().toString()).doesNotContain("198.51.100.50");
    }

    // ---- clean traffic: silent ----

    /** A busy server: 30 players at 30 pps each, for a minute, before anything happens. */
    void busyServer(Traffic t, double to) {
        for (int p = 0; p < 30; p++) t.play("198.51.100." + (10 + p), 27005, SERVER, 27960, p * 0.03, to, 30, true);
    }

    @Test
    void aCrowdOfFiftyJoiningABusyServerWithinTenSecondsIsNoAttack() {
        Engine e = game();
        Traffic t = new Traffic(e);
        busyServer(t, 120);
        for (int p = 0; p < 50; p++) t.play("198.51.101." + (10 + p), 27005, SERVER, 27960, 60 + p * 0.2, 120, 30, true);
        t.flush();
        e.finish(true);
        assertThat(started()).isEmpty();
        assertThat(e.snapshot().service("game").playersNow()).isEqualTo(80);
    }

    @Test
    void aMapChangeWhereEveryPlayerReconnectsIsNoAttack() {
        Engine e = game();
        Traffic t = new Traffic(e);
        for (int p = 0; p < 30; p++) {
            String c = "198.51.100." + (10 + p);
            t.play(c, 27005, SERVER, 27960, p * 0.03, 60, 30, true);
            // 8 s of loading: silent; then all reconnect from new client ports within a second, a burst of connect packets
            for (int k = 0; k < 20; k++) t.udp(68 + p * 0.03 + k * 0.01, c, 27006, SERVER, 27960, 200);
            t.play(c, 27006, SERVER, 27960, 68.5 + p * 0.03, 120, 30, true);
        }
        t.flush();
        e.finish(true);
        assertThat(started()).isEmpty();
    }

    @Test
    void aServerBrowserQueryBurstIsNoAttack() {
        Engine e = game();
        Traffic t = new Traffic(e);
        t.play("198.51.100.11", 27005, SERVER, 27960, 0, 60, 30, true);
        t.play("198.51.100.12", 27005, SERVER, 27960, 0, 60, 30, true);
        // a master server list refresh: 300 clients ask getinfo/getstatus within 3 s, each answered once or twice
        for (int i = 0; i < 300; i++) {
            String c = randomSource("100.70");
            double at = 30 + random.nextDouble() * 3;
            for (int k = 0; k < 2; k++) {
                t.udp(at + k * 0.05, c, 27960 + i, SERVER, 27960, 60);
                t.udp(at + k * 0.05 + 0.01, SERVER, 27960, c, 27960 + i, 900);
            }
        }
        t.flush();
        e.finish(true);
        assertThat(started()).isEmpty();
    }
}
