package netwarden.engine.router;

import netwarden.model.router.AnomalyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class RouterRulesTest {
    static final Ip TV = RouterScorerTest.TV;

    @Test
    void anAllowlistedDestinationIsNotScoredAndOthersAre() {
        var rules = new RouterRules(List.of(new RouterRule(RouterRule.Type.ALLOW, null, Ip.parse("203.0.113.0"), 24, -1, null, -1, null)));
        var scorer = new RouterScorer(RouterScorerTest.CONFIG);
        scorer.connection(RouterScorerTest.tcp(RouterScorerTest.T0, Ip.parse("198.51.100.1"), 443));
        var allowed = new ConnectionSample(RouterScorerTest.LEARNED, TV, Ip.parse("203.0.113.77"), 6, 443, 0, 64500);
        assertThat(rules.score(scorer, allowed, "Example CDN")).isEmpty();
        var other = new ConnectionSample(RouterScorerTest.LEARNED, TV, Ip.parse("203.0.114.77"), 6, 443, 0, 64500);
        assertThat(rules.score(scorer, other, "Elsewhere")).extracting(AnomalyHit::code).containsExactly(AnomalyCode.NEW_DST);
    }

    @Test
    void suppressionByCodeDeviceOrgAndPort() {
        var hit = new AnomalyHit(RouterScorerTest.T0, TV, AnomalyCode.RARE_PORT, "port 6667", Ip.parse("2001:db8::1"), 6667);
        var rules = new RouterRules(List.of(
                new RouterRule(RouterRule.Type.SUPPRESS, TV, null, 0, -1, null, -1, AnomalyCode.RARE_PORT),
                new RouterRule(RouterRule.Type.SUPPRESS, null, Ip.parse("2001:db8::"), 32, -1, "example org", 22, null)));
        assertThat(rules.filter(List.of(hit), 1, "x")).isEmpty();
        var scan = new AnomalyHit(RouterScorerTest.T0, TV, AnomalyCode.PORT_SCAN_LIKE, "", Ip.parse("2001:db8:5::1"), 22);
        assertThat(rules.filter(List.of(scan), 1, "Example Org")).isEmpty();
        assertThat(rules.filter(List.of(scan), 1, "Other Org")).containsExactly(scan);
        var elsewhere = new AnomalyHit(RouterScorerTest.T0, TV, AnomalyCode.PORT_SCAN_LIKE, "", Ip.parse("2001:db9::1"), 22);
        assertThat(rules.filter(List.of(elsewhere), 1, "Example Org")).containsExactly(elsewhere);
        assertThat(rules.suppressed()).isEqualTo(2);
    }

    @Test
    void rulesAreValidated() {
        assertThatThrownBy(() -> new RouterRule(RouterRule.Type.ALLOW, TV, null, 0, -1, null, -1, null))
                .hasMessageContaining("needs a remote, ASN, org or port");
        assertThatThrownBy(() -> new RouterRule(RouterRule.Type.SUPPRESS, null, Ip.parse("10.0.0.0"), 33, -1, null, -1, null))
                .hasMessageContaining("0..32: 33");
        var wide = new RouterRule(RouterRule.Type.ALLOW, null, Ip.parse("0.0.0.0"), 0, -1, null, -1, null);
        assertThat(wide.matches(TV, Ip.parse("8.8.8.8"), 53, -1, null, null)).isTrue();
        assertThat(wide.matches(TV, Ip.parse("::1"), 53, -1, null, null)).isFalse();
    }
}
