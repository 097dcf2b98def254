package netwarden.engine.detect;

import java.time.Duration;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Attack detection. Each scope (service, destination host, whole network) is watched per metric
 * with three triggers: <b>fast</b> — the sliding one-second rate was over the threshold in at
 * least {@code fastK} of the last {@code fastN} 100 ms evaluations; <b>instant</b> — the last 0.3 s
 * alone ran at {@code instantFactor} × the threshold; <b>slow</b> — the per-second value smoothed
 * with {@code slowAlpha} rose over it. The threshold is the floor, or during normal operation the
 * larger of the floor and the learned baseline band (mean + {@code baselineK} × deviation).
 *
 * @param quietPeriod  an incident ends after this long with every metric under hysteresis × threshold
 * @param cooldown     a new trigger of the same kind within this time after an end resumes the old incident
 * @param updateEvery  periodic update events while an incident lasts (escalations are sent at once)
 * @param spray        floors for spray scopes: one protocol and source port answering to many
 *                     destinations (a reflection spread over the network, no one host hit hard)
 * @param blockTimeout how long the block rules offered with each attack block its sources (whole
 *                     seconds, 1 minute to 30 days): nftables and ipset lift the block by themselves after it
 */
public record DetectionConfig(boolean enabled, ScopeRules service, ScopeRules host, ScopeRules network,
                              int fastK, int fastN, double instantFactor, double slowAlpha,
                              boolean baselines, Duration coldStart, Duration baselineHalfLife, double baselineK,
                              Duration quietPeriod, double hysteresis, Duration cooldown, Duration updateEvery,
                              int maxHosts, int samplePackets, int topSources, int recentIncidents, ScopeRules spray,
                              Duration blockTimeout) {
    /** Long enough to outlast a typical booter run, short enough that a wrongly listed address is soon free again. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofHours(1);
    public static final Duration MIN_BLOCK_TIMEOUT = Duration.ofMinutes(1), MAX_BLOCK_TIMEOUT = Duration.ofDays(30);

    /** With the default block timeout. */
    public DetectionConfig(boolean enabled, ScopeRules service, ScopeRules host, ScopeRules network,
                           int fastK, int fastN, double instantFactor, double slowAlpha,
                           boolean baselines, Duration coldStart, Duration baselineHalfLife, double baselineK,
                           Duration quietPeriod, double hysteresis, Duration cooldown, Duration updateEvery,
                           int maxHosts, int samplePackets, int topSources, int recentIncidents, ScopeRules spray) {
        this(enabled, service, host, network, fastK, fastN, instantFactor, slowAlpha, baselines, coldStart, baselineHalfLife,
                baselineK, quietPeriod, hysteresis, cooldown, updateEvery, maxHosts, samplePackets, topSources, recentIncidents,
                spray, DEFAULT_BLOCK_TIMEOUT);
    }

    /** With the default spray floors and block timeout. */
    public DetectionConfig(boolean enabled, ScopeRules service, ScopeRules host, ScopeRules network,
                           int fastK, int fastN, double instantFactor, double slowAlpha,
                           boolean baselines, Duration coldStart, Duration baselineHalfLife, double baselineK,
                           Duration quietPeriod, double hysteresis, Duration cooldown, Duration updateEvery,
                           int maxHosts, int samplePackets, int topSources, int recentIncidents) {
        this(enabled, service, host, network, fastK, fastN, instantFactor, slowAlpha, baselines, coldStart, baselineHalfLife,
                baselineK, quietPeriod, hysteresis, cooldown, updateEvery, maxHosts, samplePackets, topSources, recentIncidents,
                ScopeRules.sprayDefaults());
    }

    public DetectionConfig {
        Objects.requireNonNull(spray, "detection.spray");
        Objects.requireNonNull(service, "detection.service");
        Objects.requireNonNull(host, "detection.host");
        Objects.requireNonNull(network, "detection.network");
        if (fastN < 1 || fastN > 60) throw new SettingException("detection.fast-n", fastN, "detection.fast-n must be 1..60: " + fastN);
        if (fastK < 1 || fastK > fastN) throw new SettingException("detection.fast-k", fastK, "detection.fast-k must be 1..fast-n (" + fastN + "): " + fastK);
        if (!(instantFactor >= 1)) throw new SettingException("detection.instant-factor", instantFactor, "detection.instant-factor must be at least 1: " + instantFactor);
        if (!(slowAlpha > 0 && slowAlpha <= 1)) throw new SettingException("detection.slow-alpha", slowAlpha, "detection.slow-alpha must be in (0, 1]: " + slowAlpha);
        positive("detection.cold-start", coldStart);
        positive("detection.baseline-half-life", baselineHalfLife);
        if (!(baselineK > 0)) throw new SettingException("detection.baseline-k", baselineK, "detection.baseline-k must be positive: " + baselineK);
        positive("detection.quiet-period", quietPeriod);
        if (!(hysteresis > 0 && hysteresis <= 1)) throw new SettingException("detection.hysteresis", hysteresis, "detection.hysteresis must be in (0, 1]: " + hysteresis);
        if (cooldown == null || cooldown.isNegative()) throw new SettingException("detection.cooldown", cooldown, "detection.cooldown must not be negative: " + cooldown);
        positive("detection.update-every", updateEvery);
        if (maxHosts < 1) throw new SettingException("detection.max-hosts", maxHosts, "detection.max-hosts must be at least 1: " + maxHosts);
        if (samplePackets < 0 || samplePackets > 10_000) throw new SettingException("detection.sample-packets", samplePackets, "detection.sample-packets must be 0..10000: " + samplePackets);
        if (topSources < 1 || topSources > 1000) throw new SettingException("detection.top-sources", topSources, "detection.top-sources must be 1..1000: " + topSources);
        if (recentIncidents < 1) throw new SettingException("detection.recent-incidents", recentIncidents, "detection.recent-incidents must be at least 1: " + recentIncidents);
        if (blockTimeout == null || blockTimeout.compareTo(MIN_BLOCK_TIMEOUT) < 0 || blockTimeout.compareTo(MAX_BLOCK_TIMEOUT) > 0
                || blockTimeout.toNanosPart() != 0)
            throw new SettingException("detection.block-timeout", blockTimeout, "detection.block-timeout must be whole seconds from 1m to 30d: "
                    + (blockTimeout == null ? null : blockTimeout.toNanosPart() == 0 ? blockTimeout.toSeconds() + "s" : blockTimeout.toMillis() + "ms"));
    }

    public static DetectionConfig defaults() {
        return new DetectionConfig(true, ScopeRules.serviceDefaults(), ScopeRules.hostDefaults(), ScopeRules.networkDefaults(),
                5, 8, 3, 0.3, true, Duration.ofMinutes(15), Duration.ofMinutes(30), 6,
                Duration.ofSeconds(15), 0.7, Duration.ofSeconds(60), Duration.ofSeconds(60),
                4096, 64, 10, 200);
    }

    public DetectionConfig withRules(ScopeRules service, ScopeRules host, ScopeRules network) {
        return new DetectionConfig(enabled, service, host, network, fastK, fastN, instantFactor, slowAlpha, baselines,
                coldStart, baselineHalfLife, baselineK, quietPeriod, hysteresis, cooldown, updateEvery, maxHosts,
                samplePackets, topSources, recentIncidents, spray, blockTimeout);
    }

    public DetectionConfig withSpray(ScopeRules spray) {
        return new DetectionConfig(enabled, service, host, network, fastK, fastN, instantFactor, slowAlpha, baselines,
                coldStart, baselineHalfLife, baselineK, quietPeriod, hysteresis, cooldown, updateEvery, maxHosts,
                samplePackets, topSources, recentIncidents, spray, blockTimeout);
    }

    public DetectionConfig withBlockTimeout(Duration blockTimeout) {
        return new DetectionConfig(enabled, service, host, network, fastK, fastN, instantFactor, slowAlpha, baselines,
                coldStart, baselineHalfLife, baselineK, quietPeriod, hysteresis, cooldown, updateEvery, maxHosts,
                samplePackets, topSources, recentIncidents, spray, blockTimeout);
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new SettingException(field, d, field + " must be positive: " + d);
    }
}
