package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Metric;
import netwarden.engine.detect.ScopeRules;
import netwarden.model.AttackKind;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.model.Severity;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Synthetic floods against a 2000 pps service threshold; packet timestamps are the fake clock. */
class DetectionTest {
    static final String SERVER = "192.0.2.1";
    final EventLog log = new EventLog();

    static DetectionConfig ppsOnly(double pps) {
        var off = new ScopeRules(false, Map.of());
        return DetectionConfig.defaults().withRules(new ScopeRules(true, Map.of(Metric.PPS, pps)), off, off);
    }

    Engine engine(DetectionConfig d) {
        var spec = new ServiceSpec("game", new ServiceKey(Ip.parse(SERVER), Proto.UDP, 27015), null);
        var base = EngineConfig.defaults();
        return new Engine(new EngineConfig(List.of(spec), base.discovery(), base.players(), base.windows(), base.flowCapacity(), d), log, false);
    }

    /** A flood at a fixed rate from many sources, evenly spaced. */
    static void flood(Traffic t, double from, double seconds, int pps) {
        long n = Math.round(seconds * pps);
        for (long i = 0; i < n; i++) t.udp(from + i / (double) pps, "203.0.113." + (1 + i % 200), 40000, SERVER, 27015, 100);
    }

    static void background(Traffic t, double to) {
        for (double s = 0; s < to; s += 0.01) t.udp(s, "198.51.100.5", 27005, SERVER, 27015, 80); // 100 pps of normal play
    }

    @ParameterizedTest(name = "{0}x the threshold is detected within {1} s and sized within 5 %")
    @CsvSource({"1.5, 2.0", "3, 1.0", "10, 0.5"}) // an attack is reported once 0.3 s of it is in, so every rate is over 0.3 s at least
    void stepFloodsAreDetectedFastAndSizedRight(double factor, double maxLatency) {
        Engine e = engine(ppsOnly(2000));
        Traffic t = new Traffic(e);
        background(t, 40); // long enough for the 15 s quiet period to end the incident by itself
        int rate = (int) (2000 * factor);
        flood(t, 10.05, 10, rate);
        t.flush();
        e.finish(true);
        var started = log.of(Event.AttackStarted.class);
        assertThat(started).hasSize(1);
        Incident inc = started.getFirst().incident();
        double latency = (started.getFirst().tsNanos() - Traffic.at(10.05)) / 1e9;
        assertThat(latency).isPositive().isLessThanOrEqualTo(maxLatency);
        assertThat((double) inc.currentPps()).isCloseTo(rate + 100, Percentage.withPercentage(5));
        assertThat(inc.kind()).isEqualTo(AttackKind.UDP_FLOOD);
        assertThat(inc.multiSource()).isTrue();
        var ended = log.of(Event.AttackEnded.class);
        assertThat(ended).hasSize(1);
        Incident end = ended.getFirst().incident();
        assertThat((double) end.peakPps()).isCloseTo(rate + 100, Percentage.withPercentage(5));
        assertThat((end.endNanos() - Traffic.at(20.05)) / 1e9).isBetween(-0.2, 0.3);
        assertThat(end.packets()).isBetween((long) (rate * 10), (long) (rate * 10) + 1100);
        assertThat(ended.getFirst().tsNanos() - end.endNanos()).isEqualTo(Duration.ofSeconds(15).toNanos());
    }

    @Test
    void aTwoSecondBurstAtThreeTimesIsCaught() {
        Engine e = engine(ppsOnly(2000));
        Traffic t = new Traffic(e);
        background(t, 20);
        flood(t, 5.37, 2, 6000);
        t.flush();
        e.finish(true);
        var started = log.of(Event.AttackStarted.class);
        assertThat(started).hasSize(1);
        assertThat((started.getFirst().tsNanos() - Traffic.at(5.37)) / 1e9).isLessThanOrEqualTo(1.0);
        assertThat((double) log.of(Event.AttackEnded.class).getFirst().incident().peakPps()).isCloseTo(6100, Percentage.withPercentage(5));
    }

    @Test
    void normalTrafficJitterRaisesNothing() {
        Engine e = engine(ppsOnly(2000));
        Traffic t = new Traffic(e);
        for (int s = 0; s < 60; s++) flood(t, s, 1, s % 2 == 0 ? 1900 : 1200); // close to, never over, the threshold
        t.flush();
        e.finish(true);
        assertThat(log.of(Event.AttackStarted.class)).isEmpty();
    }

    @Test
    void aSustainedAttackIsAHandfulOfEventsWithEscalation() {
        Engine e = engine(ppsOnly(2000));
        Traffic t = new Traffic(e);
        flood(t, 0, 5, 3000);      // low
        flood(t, 5, 5, 25_000);    // escalates to high
        flood(t, 10, 170, 3000);   // goes on for minutes
        t.flush();
        e.finish(true);
        assertThat(log.of(Event.AttackStarted.class)).hasSize(1);
        assertThat(log.of(Event.AttackEnded.class)).hasSize(1);
        var updates = log.of(Event.AttackUpdated.class);
        assertThat(updates).hasSizeBetween(3, 6); // escalations plus one per minute
        assertThat(updates).anyMatch(u -> u.incident().reason().contains("escalated"));
        assertThat(log.of(Event.AttackEnded.class).getFirst().incident().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aPauseShorterThanTheQuietPeriodIsOneIncidentAndOneWithinTheCooldownResumes() {
        Engine e = engine(ppsOnly(2000));
        Traffic t = new Traffic(e);
        flood(t, 0, 5, 5000);
        flood(t, 12, 5, 5000);   // 7 s pause: same incident
        flood(t, 50, 5, 5000);   // after the end (17+15 = 32 s) but within the 60 s cooldown: resumed
        flood(t, 200, 5, 5000);  // long after: a new incident
        t.flush();
        e.finish(true);
        assertThat(log.of(Event.AttackStarted.class)).hasSize(2);
        assertThat(log.of(Event.AttackUpdated.class)).anyMatch(u -> u.incident().reason().contains("resumed"));
        assertThat(e.snapshot().incidents()).hasSize(2);
    }

    @Test
    void playersStayPlayersAreNeverAttackSourcesAndNobodyJoinsDuringTheAttack() {
        Engine e = engine(DetectionConfig.defaults());
        Traffic t = new Traffic(e);
        t.play("198.51.100.7", 27005, SERVER, 27015, 0, 60, 30, true);      // a real player all along
        t.play("198.51.100.8", 27005, SERVER, 27015, 22, 60, 30, true);     // starts playing during the attack
        for (int i = 0; i < 10 * 300; i++) t.udp(20 + i / 300.0, "203.0.113." + (i % 20), 11211, SERVER, 27015, 1400); // memcached reflection
        t.flush();
        e.finish(true);
        var started = log.of(Event.AttackStarted.class);
        assertThat(started).hasSize(1);
        assertThat(started.getFirst().incident().kind()).isEqualTo(AttackKind.REFLECTION_MEMCACHED);
        assertThat(started.getFirst().incident().reason()).contains("11211").contains("memcached");
        Incident done = log.of(Event.AttackEnded.class).getFirst().incident();
        assertThat(done.topSources()).isNotEmpty().allSatisfy(s -> assertThat(s.address().toString()).startsWith("203.0.113."));
        assertThat(done.topSourcePorts().getFirst().port()).isEqualTo(11211);
        var joins = log.of(Event.PlayerJoined.class);
        assertThat(joins).extracting(j -> j.player().address().toString()).containsExactly("198.51.100.7", "198.51.100.8");
        assertThat(joins.get(1).tsNanos()).isGreaterThan(done.endNanos());
        assertThat(log.of(Event.PlayerLeft.class)).isEmpty();
    }

    @Test
    void classificationNamesTheVectorAndTheEvidence() {
        var off = new ScopeRules(false, Map.of());
        var host = new EnumMap<Metric, Double>(Metric.class);
        for (Metric m : List.of(Metric.PPS, Metric.SYN, Metric.ACK_RST, Metric.FRAGMENTS, Metric.ICMP)) host.put(m, 1000.0);
        Engine e = new Engine(EngineConfig.defaults().withDetection(DetectionConfig.defaults().withRules(off, new ScopeRules(true, host), off)), log, false);
        Traffic t = new Traffic(e);
        for (int i = 0; i < 6000; i++) t.tcp(i / 3000.0, "10." + (i / 250) + ".0." + (i % 250), 1024 + i, "192.0.2.10", 25565, 0x02, 0);
        for (int i = 0; i < 6000; i++) t.tcp(100 + i / 3000.0, "203.0.113.9", 80, "192.0.2.11", 443, 0x10, 0);
        for (int i = 0; i < 6000; i++) t.fragment(200 + i / 3000.0, "203.0.113.10", "192.0.2.12", 1000);
        for (int i = 0; i < 6000; i++) t.icmp(300 + i / 3000.0, "203.0.113." + (i % 3), "192.0.2.13", 98);
        t.flush();
        e.finish(true);
        var kinds = log.of(Event.AttackStarted.class).stream().map(s -> s.incident()).toList();
        assertThat(kinds).extracting(i -> i.kind().label()).containsExactly("tcp_syn_flood", "tcp_ack_rst_flood", "ip_fragment_flood", "icmp_flood");
        // Caught within 0.3 s, before a whole second of sources is in: the suspicion comes with the next second's evidence.
        Incident syn = e.snapshot().incidents().getFirst();
        assertThat(syn.spoofingSuspected()).isTrue();
        assertThat(syn.reason()).contains("SYN without ACK").contains("spoofing suspected");
        assertThat(kinds.get(1).multiSource()).isFalse();
        assertThat(kinds.get(1).reason()).contains("single-source");
        assertThat(kinds.get(3).reason()).contains("ICMP");
        assertThat(e.snapshot().detection().attacksStartedByKind()).containsEntry("icmp_flood", 1L);
    }

    @Test
    void learnedBaselinesRaiseTheThresholdOnBusyServicesAndSurviveARestart() {
        var d = new DetectionConfig(true, new ScopeRules(true, Map.of(Metric.PPS, 500.0)), new ScopeRules(false, Map.of()),
                new ScopeRules(false, Map.of()), 5, 8, 10, 0.3, true, Duration.ofSeconds(60), Duration.ofSeconds(30), 6,
                Duration.ofSeconds(15), 0.7, Duration.ofSeconds(60), Duration.ofSeconds(60), 100, 8, 10, 50);
        Engine first = engine(d);
        Traffic t = new Traffic(first);
        for (int s = 0; s < 120; s++) flood(t, s, 1, s % 2 == 0 ? 1100 : 900); // a busy but normal server: ~1000 pps
        t.flush();
        first.finish(true);
        // During the cold start the 500 pps floor alone applied, so the busy start was an attack; afterwards it is normal.
        long startedWhileLearning = log.of(Event.AttackStarted.class).size();
        assertThat(startedWhileLearning).isEqualTo(1);
        var learned = first.baselines();
        assertThat(learned.get("service:game:pps").mean()).isCloseTo(1000, Percentage.withPercentage(15));

        log.events.clear();
        var spec = new ServiceSpec("game", new ServiceKey(Ip.parse(SERVER), Proto.UDP, 27015), null);
        Engine second = new Engine(new EngineConfig(List.of(spec), DiscoveryConfig.defaults(), PlayerConfig.defaults(),
                WindowConfig.defaults(), 1000, d), log, false, learned);
        Traffic t2 = new Traffic(second);
        for (int s = 0; s < 60; s++) flood(t2, 1000 + s, 1, s % 2 == 0 ? 1100 : 900);
        t2.flush();
        second.finish(true);
        assertThat(log.of(Event.AttackStarted.class)).as("restored baseline: normal busy traffic is normal").isEmpty();

        // With the restored baseline, a real flood is still caught.
        Engine third = new Engine(new EngineConfig(List.of(spec), DiscoveryConfig.defaults(), PlayerConfig.defaults(),
                WindowConfig.defaults(), 1000, d), log, false, learned);
        Traffic t3 = new Traffic(third);
        for (int s = 0; s < 20; s++) flood(t3, 2000 + s, 1, 1000);
        flood(t3, 2020, 5, 8000);
        t3.flush();
        third.finish(true);
        assertThat(log.of(Event.AttackStarted.class)).hasSize(1);
    }
}
