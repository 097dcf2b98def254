package netwarden.engine.detect;

import netwarden.model.ScopeKind;

/**
 * Bars a service sets by its own scale, so a small game server is not judged by floors made for a
 * busy one. A service scope learns its normal packets per second and distinct sources per second
 * while it is not under attack (primed by its first second, then a slow average), and then:
 * <ul>
 * <li>non-player traffic fires above {@link #NON_PLAYER_FACTOR} × its normal packet rate (the
 *     {@code non-player} floor is the minimum) — a crowd joining a busy server stays under it;</li>
 * <li>new sources over ten seconds fire above {@link #SIZE_FACTOR} × its normal number of sources
 *     (the {@code new-sources-10s} floor is the minimum), and only while the non-player traffic is
 *     at least a quarter of its own bar and the newcomers sent {@link #PACKETS_PER_NEWCOMER} packets
 *     each on average over those ten seconds — a server browser's refresh asks once or twice per
 *     client; a flood's sources keep sending.</li>
 * </ul>
 * Learned baselines, once warm, raise both bars further as for every metric.
 */
final class ServiceBars {
    static final double NON_PLAYER_FACTOR = 4, SIZE_FACTOR = 2, PACKETS_PER_NEWCOMER = 10;
    /** Weight of one second in the normal once primed: a half-life of about 14 s. */
    private static final double ALPHA = 0.05;

    private ServiceBars() {}

    /** One closed second of a service not under attack: its normal moves towards it. */
    static void learn(Scope s, double pps, long sources) {
        if (s.kind != ScopeKind.SERVICE) return;
        double a = Math.max(ALPHA, 1.0 / (s.watchedSeconds + 1));
        s.normalPps += a * (pps - s.normalPps);
        s.normalSources += a * (sources - s.normalSources);
        s.watchedSeconds++;
    }

    /** The trigger's threshold raised to the service's own bar, for the relative metrics. */
    static void raise(Scope s, Trigger t) {
        if (t.metric == Metric.NON_PLAYER) t.threshold = Math.max(t.threshold, NON_PLAYER_FACTOR * s.normalPps);
        else if (t.metric == Metric.NEW_SOURCES_10S) t.threshold = Math.max(t.threshold, SIZE_FACTOR * s.normalSources);
    }

    /** True when the newcomers bring volume: non-player rate at a quarter of its bar, ten packets per newcomer. */
    static boolean newcomersBringVolume(Scope s, double nonPlayerPps) {
        Trigger np = s.triggers[Metric.NON_PLAYER.ordinal()];
        return (np == null || nonPlayerPps * 4 >= np.threshold) && s.nonPlayer10s() >= PACKETS_PER_NEWCOMER * s.newSources10s();
    }
}
