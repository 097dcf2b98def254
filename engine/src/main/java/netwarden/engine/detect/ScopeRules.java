package netwarden.engine.detect;

import java.util.EnumMap;
import java.util.Map;

/**
 * Floors (fixed thresholds) per metric for one kind of scope. A metric without a floor is not
 * watched. Floors apply alone during the baseline's cold start and as a lower bound after it.
 */
public record ScopeRules(boolean enabled, Map<Metric, Double> floors) {
    public ScopeRules {
        var copy = new EnumMap<Metric, Double>(Metric.class);
        floors.forEach((m, v) -> {
            if (v == null || !(v > 0)) throw new IllegalArgumentException("detection floor for " + m.key() + " must be positive: " + v);
            copy.put(m, v);
        });
        floors = java.util.Collections.unmodifiableMap(copy);
    }

    /** Defaults for one game server port: far above normal play, low enough for real attacks. */
    public static ScopeRules serviceDefaults() {
        var m = new EnumMap<Metric, Double>(Metric.class);
        m.putAll(Map.of(Metric.PPS, 20_000.0, Metric.BPS, 200e6, Metric.SOURCES, 1_000.0,
                Metric.NEW_SOURCES, 300.0, Metric.SYN, 300.0, Metric.ACK_RST, 3_000.0, Metric.REFLECTION, 100.0));
        // Service-relative: minimums of the bars a service sets by its own scale (ServiceBars).
        m.put(Metric.NON_PLAYER, 500.0);
        m.put(Metric.NEW_SOURCES_10S, 40.0);
        m.put(Metric.TCP_REFLECTION, 1_000.0);
        return new ScopeRules(true, m);
    }

    /** Defaults for a destination host: everything its services get, plus protocols without ports. */
    public static ScopeRules hostDefaults() {
        var m = new EnumMap<Metric, Double>(Metric.class);
        m.put(Metric.PPS, 50_000.0);
        m.put(Metric.BPS, 500e6);
        m.put(Metric.SOURCES, 5_000.0);
        m.put(Metric.SYN, 500.0);
        m.put(Metric.ACK_RST, 5_000.0);
        m.put(Metric.FRAGMENTS, 200.0);
        m.put(Metric.UDP, 40_000.0);
        m.put(Metric.TCP, 40_000.0);
        m.put(Metric.ICMP, 1_000.0);
        m.put(Metric.OTHER, 1_000.0);
        m.put(Metric.REFLECTION, 1_000.0);
        m.put(Metric.TCP_REFLECTION, 2_000.0);
        return new ScopeRules(true, m);
    }

    /** Defaults for a spray scope (one amplification source port to at least eight destinations a second). */
    public static ScopeRules sprayDefaults() {
        return new ScopeRules(true, Map.of(Metric.REFLECTION, 2_000.0));
    }

    /** Defaults for all traffic together: only what no single host would show, e.g. sweeps. */
    public static ScopeRules networkDefaults() {
        return new ScopeRules(true, Map.of(Metric.PPS, 200_000.0, Metric.BPS, 2e9, Metric.ICMP, 5_000.0,
                Metric.FRAGMENTS, 2_000.0, Metric.REFLECTION, 5_000.0, Metric.TCP_REFLECTION, 5_000.0));
    }
}
