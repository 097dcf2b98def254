package netwarden.engine.router;

import netwarden.model.router.AnomalyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class RouterScorerTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant LEARNED = T0.plus(Duration.ofDays(1));
    static final Ip TV = Ip.parse("192.168.1.20"), CDN = Ip.parse("203.0.113.10");
    static final ScoringConfig CONFIG = new ScoringConfig(Duration.ofDays(1), Duration.ofDays(30), 0.01, 200, 20, 3.0,
            1_000_000, 20, 10, 10_000);

    static ConnectionSample tcp(Instant t, Ip remote, int port) {
        return new ConnectionSample(t, TV, remote, 6, port, 1000, 64500);
    }

    static List<AnomalyCode> codes(List<AnomalyHit> hits) {
        return hits.stream().map(AnomalyHit::code).toList();
    }

    @Test
    void noveltyIsOnlyScoredAfterLearningAndDormancyAfterSilence() {
        var s = new RouterScorer(CONFIG);
        assertThat(s.connection(tcp(T0, CDN, 443))).isEmpty();
        assertThat(s.connection(tcp(T0.plusSeconds(3600), Ip.parse("198.51.100.1"), 443))).isEmpty(); // still learning
        List<AnomalyHit> hits = s.connection(new ConnectionSample(LEARNED, TV, Ip.parse("198.51.100.77"), 47, -1, 0, 64501));
        assertThat(codes(hits)).containsExactly(AnomalyCode.NEW_DST, AnomalyCode.NEW_ASN, AnomalyCode.UNEXPECTED_PROTO);
        assertThat(hits.getFirst().evidence()).isEqualTo("first connection to 198.51.100.77");
        assertThat(hits.get(1).evidence()).isEqualTo("first connection to AS64501");
        assertThat(hits.get(2).score()).isEqualTo(30);
        assertThat(s.connection(tcp(LEARNED.plusSeconds(60), CDN, 443))).isEmpty(); // known, 1 day silent
        assertThat(codes(s.connection(tcp(LEARNED.plus(Duration.ofDays(31)), CDN, 443)))).containsExactly(AnomalyCode.DORMANT_DST);
    }

    @Test
    void aRarePortIsScoredOncePerMinuteAfterEnoughConnections() {
        var s = new RouterScorer(CONFIG);
        for (int i = 0; i < 200; i++) s.connection(tcp(T0.plusSeconds(i), CDN, 443));
        assertThat(s.connection(tcp(LEARNED, CDN, 6667))).extracting(AnomalyHit::code, AnomalyHit::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AnomalyCode.RARE_PORT, "port 6667: 0 of 200 connections before"));
        assertThat(s.connection(tcp(LEARNED.plusSeconds(1), CDN, 6667))).isEmpty();
        assertThat(codes(s.connection(tcp(LEARNED.plusSeconds(61), CDN, 6667)))).containsExactly(AnomalyCode.RARE_PORT);
        assertThat(s.connection(tcp(LEARNED.plusSeconds(62), CDN, 443))).isEmpty();
    }

    @Test
    void portScanAndFirewallDropsFireOncePerMinuteAtTheirThreshold() {
        var s = new RouterScorer(CONFIG);
        var hits = new ArrayList<AnomalyHit>();
        Ip target = Ip.parse("198.51.100.9");
        for (int port = 1; port <= 40; port++) hits.addAll(s.connection(tcp(T0.plusMillis(port * 100L), target, port)));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.code()).isEqualTo(AnomalyCode.PORT_SCAN_LIKE);
            assertThat(h.remote()).isEqualTo(target);
            assertThat(h.port()).isEqualTo(20);
            assertThat(h.score()).isEqualTo(60);
        });
        hits.clear();
        for (int i = 0; i < 25; i++) hits.addAll(s.drop(TV, T0.plusSeconds(10 + i)));
        assertThat(codes(hits)).containsExactly(AnomalyCode.FIREWALL_DROPS);
    }

    @Test
    void egressAndFanoutAreJudgedAgainstTheDevicesOwnP95() {
        var s = new RouterScorer(CONFIG);
        var hits = new ArrayList<AnomalyHit>();
        // Two hours of ordinary minutes: 2 destinations and 200 kB out each.
        for (int m = 0; m < 120; m++) {
            Instant t = T0.plusSeconds(m * 60L);
            hits.addAll(s.connection(new ConnectionSample(t, TV, CDN, 6, 443, 100_000, 64500)));
            hits.addAll(s.connection(new ConnectionSample(t.plusSeconds(1), TV, Ip.parse("203.0.113.11"), 6, 443, 100_000, 64500)));
        }
        assertThat(hits).isEmpty();
        Instant burst = T0.plusSeconds(120 * 60L);
        for (int i = 0; i < 30; i++)
            hits.addAll(s.connection(new ConnectionSample(burst.plusMillis(i), TV, Ip.parse("203.0.113." + (100 + i)), 6, 443, 200_000, 64500)));
        assertThat(hits).isEmpty(); // judged when the minute closes
        hits.addAll(s.tick(burst.plusSeconds(60)));
        assertThat(hits).extracting(AnomalyHit::code).containsExactly(AnomalyCode.HIGH_EGRESS, AnomalyCode.HIGH_FANOUT);
        assertThat(hits.getFirst().evidence()).isEqualTo("6000000 bytes out in a minute (p95 200000, limit 1000000)");
        assertThat(hits.get(1).evidence()).isEqualTo("30 destinations in a minute (p95 2, limit 20)");
        assertThat(hits.getFirst().time()).isEqualTo(burst.plusSeconds(60));
        assertThat(s.tick(burst.plusSeconds(600))).isEmpty();
    }

    @Test
    void withoutAnHourOfHistoryThereIsNoBaselineHit() {
        var s = new RouterScorer(CONFIG);
        for (int i = 0; i < 50; i++) s.connection(new ConnectionSample(T0.plusMillis(i), TV, Ip.parse("203.0.113." + i), 6, 443, 1_000_000, 1));
        assertThat(s.tick(T0.plusSeconds(120))).isEmpty();
    }

    @Test
    void configNamesTheFieldAndValue() {
        assertThatThrownBy(() -> new ScoringConfig(Duration.ofDays(1), Duration.ZERO, 0.01, 200, 20, 3, 1, 20, 10, 10))
                .hasMessage("router.anomalies.dormant-after must be positive: PT0S");
        assertThatThrownBy(() -> new ScoringConfig(Duration.ofDays(1), Duration.ofDays(1), 1.5, 200, 20, 3, 1, 20, 10, 10))
                .hasMessage("router.anomalies.rare-port-share must be in (0, 1): 1.5");
        assertThat(ScoringConfig.defaults().scanPorts()).isEqualTo(20);
    }

    @Test
    void whatWasLearnedIsRestoredIntoANewScorer() {
        var s = new RouterScorer(CONFIG);
        for (int m = 0; m < 90; m++) s.connection(new ConnectionSample(T0.plusSeconds(60L * m), TV, CDN, 6, 443, 5000 + m, 64500));
        s.tick(T0.plusSeconds(60L * 90));
        DeviceBaseline b = s.baselines().get(TV);
        assertThat(b.egressMinutes()).hasSize(90).startsWith(5000L, 5001L).endsWith(5089L);
        assertThat(b.destinations()).containsOnlyKeys(CDN);
        var restored = new RouterScorer(CONFIG);
        restored.restore(s.baselines());
        assertThat(restored.baselines().get(TV)).isEqualTo(b);
        // the restored history judges the next minute: far above 3 x p95 (about 5085) but under the floor stays quiet
        assertThat(codes(restored.connection(new ConnectionSample(T0.plusSeconds(60L * 91), TV, CDN, 6, 443, 900_000, 64500)))).isEmpty();
        assertThat(codes(restored.tick(T0.plusSeconds(60L * 93)))).isEmpty();
    }

    @Test
    void pausedDevicesAreJudgedButTheirMinutesAreNotLearned() {
        var s = new RouterScorer(CONFIG);
        s.connection(tcp(T0, CDN, 443));
        s.connection(tcp(T0.plusSeconds(60), CDN, 443)); // closes minute 0
        s.pause(TV, true);
        s.connection(tcp(T0.plusSeconds(120), CDN, 443)); // minute 1 closes while paused
        s.connection(tcp(T0.plusSeconds(300), CDN, 443)); // so do minute 2 and the quiet ones
        assertThat(s.baselines().get(TV).egressMinutes()).as("only the minute before the pause").containsExactly(1000L);
        s.pause(TV, false);
        s.connection(tcp(T0.plusSeconds(360), CDN, 443));
        assertThat(s.baselines().get(TV).egressMinutes()).containsExactly(1000L, 1000L);
    }
}
