package netwarden.engine.router;

import java.time.Duration;

/**
 * How router anomalies are scored ({@code router.anomalies.*}).
 *
 * @param learning how long a device is only learned from before hits about novelty are raised
 * @param dormantAfter a destination silent this long is dormant
 * @param rarePortShare a port below this share of the device's connections is rare (e.g. 0.01)
 * @param rarePortMinConnections the device must have this many connections before ports are rare
 * @param scanPorts distinct ports to one remote in a minute that look like a port scan
 * @param baselineFactor HIGH_EGRESS and HIGH_FANOUT fire above p95 x this factor
 * @param egressFloorBytes HIGH_EGRESS never fires below this many bytes in a minute
 * @param fanoutFloor HIGH_FANOUT never fires below this many distinct destinations in a minute
 * @param dropsPerMinute FIREWALL_DROPS fires at this many drops in a minute
 * @param maxDestinations destinations remembered per device (the oldest forgotten first)
 */
public record ScoringConfig(Duration learning, Duration dormantAfter, double rarePortShare, int rarePortMinConnections,
                            int scanPorts, double baselineFactor, long egressFloorBytes, int fanoutFloor, int dropsPerMinute,
                            int maxDestinations) {
    public ScoringConfig {
        if (learning.isNegative()) throw new IllegalArgumentException("router.anomalies.learning must not be negative: " + learning);
        if (!dormantAfter.isPositive()) throw new IllegalArgumentException("router.anomalies.dormant-after must be positive: " + dormantAfter);
        if (!(rarePortShare > 0 && rarePortShare < 1)) throw new IllegalArgumentException("router.anomalies.rare-port-share must be in (0, 1): " + rarePortShare);
        if (scanPorts < 2) throw new IllegalArgumentException("router.anomalies.scan-ports must be at least 2: " + scanPorts);
        if (!(baselineFactor >= 1)) throw new IllegalArgumentException("router.anomalies.baseline-factor must be at least 1: " + baselineFactor);
        if (dropsPerMinute < 1) throw new IllegalArgumentException("router.anomalies.drops-per-minute must be positive: " + dropsPerMinute);
        if (maxDestinations < 1) throw new IllegalArgumentException("router.anomalies.max-destinations must be positive: " + maxDestinations);
    }

    /** A day of learning, 30 days dormancy, 1% rare ports after 200 connections, 20-port scans, 3 x p95, 10 drops a minute. */
    public static ScoringConfig defaults() {
        return new ScoringConfig(Duration.ofDays(1), Duration.ofDays(30), 0.01, 200, 20, 3.0, 10L << 20, 20, 10, 10_000);
    }
}
