package netwarden.engine.router;

import java.util.ArrayList;
import java.util.List;

/**
 * The allowlist and suppression rules in force, applied around a {@link RouterScorer}: an
 * allowed connection is not scored (nor learned from), a suppressed hit is dropped and counted.
 * The rule lists are immutable (replace the whole set when the user edits them); used on the
 * scorer's thread, like the scorer.
 */
public final class RouterRules {
    private final List<RouterRule> allow, suppress;
    private long suppressed;

    public RouterRules(List<RouterRule> rules) {
        this.allow = rules.stream().filter(r -> r.type() == RouterRule.Type.ALLOW).toList();
        this.suppress = rules.stream().filter(r -> r.type() == RouterRule.Type.SUPPRESS).toList();
    }

    /** Scores {@code s} unless an ALLOW rule covers it, then drops the suppressed hits. */
    public List<AnomalyHit> score(RouterScorer scorer, ConnectionSample s, String org) {
        for (RouterRule r : allow) if (r.matches(s.device(), s.remote(), s.port(), s.asn(), org, null)) return List.of();
        return filter(scorer.connection(s), s.asn(), org);
    }

    /** Drops the hits a SUPPRESS rule covers. */
    public List<AnomalyHit> filter(List<AnomalyHit> hits, long asn, String org) {
        if (suppress.isEmpty() || hits.isEmpty()) return hits;
        var kept = new ArrayList<AnomalyHit>(hits.size());
        outer:
        for (AnomalyHit h : hits) {
            for (RouterRule r : suppress) {
                if (r.matches(h.device(), h.remote(), h.port(), asn, org, h.code())) {
                    suppressed++;
                    continue outer;
                }
            }
            kept.add(h);
        }
        return kept;
    }

    /** Hits dropped by suppression rules so far. */
    public long suppressed() {
        return suppressed;
    }
}
