package netwarden.engine.detect;

/**
 * Evaluates a scope's triggers against their thresholds and hands what fires to {@link Incidents}.
 *
 * <p>Design notes: per closed slot the fast triggers run (K of N slots over the threshold, or one
 * slot's burst far over it); per closed second the slow trigger (a smoothed second), the
 * distinct-source trigger and the baselines run. Either way the trigger reported is the one that
 * fired furthest above its threshold ({@link Best}). A scope under attack learns no baseline once
 * it is warm, so an attack does not teach the detector that attacks are normal.
 */
final class Triggers {
    private final DetectionConfig cfg;
    private final long coldStartSeconds;
    private final double baselineAlpha;
    private final Incidents incidents;
    private final Best best = new Best();

    /** The fired trigger furthest above its threshold in one evaluation; reused, pipeline thread only. */
    static final class Best {
        Trigger trigger;
        double value, ratio;

        Best reset() {
            trigger = null;
            value = ratio = 0;
            return this;
        }

        void offer(Trigger t, boolean fired, double v) {
            if (fired && v / t.threshold > ratio) {
                trigger = t;
                value = v;
                ratio = v / t.threshold;
            }
        }
    }

    Triggers(DetectionConfig cfg, long coldStartSeconds, Incidents incidents) {
        this.cfg = cfg;
        this.coldStartSeconds = coldStartSeconds;
        this.baselineAlpha = 1 - Math.pow(0.5, 1.0 / cfg.baselineHalfLife().toSeconds());
        this.incidents = incidents;
    }

    /** Catches a scope up on seconds without traffic: smoothed values and (unless under attack) baselines decay. */
    void silence(Scope s, long seconds) {
        if (seconds <= 0) return;
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            t.quiet(seconds, cfg);
            if (s.incident == null) t.baseline.decay(seconds, baselineAlpha);
        }
    }

    /** Forgets the fast history after a jump over a long silence. */
    static void clearFast(Scope s) {
        for (Trigger t : s.triggers) if (t != null) t.fastBits = 0;
    }

    /** The second {@code second} closed for the scope: slow and source triggers, baselines, per-second evidence. */
    void perSecond(Scope s, long second) {
        long sources = s.secondSources.getAsLong();
        s.lastSecondSources = sources;
        s.lastSecondNewSources = s.slots.sliding(Metric.NEW_SOURCES);
        s.ttlDistinct = 0;
        for (int i = 0; i < 4; i++) {
            s.ttlDistinct += Long.bitCount(s.ttls[i]);
            s.ttls[i] = 0;
        }
        for (int i = 0; i < s.reflection.length; i++) s.reflection[i] >>= 1;
        if (s.ownSources != null) s.ownSources.clear();
        Best b = best.reset();
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            double v = value(s, t, sources);
            boolean fired = t.slow(v, cfg);
            if (t.metric == Metric.SOURCES) {
                s.sourcesBits = (s.sourcesBits << 1) | (v > t.threshold ? 1 : 0);
                fired |= Long.bitCount(s.sourcesBits & 7) >= 2 || v >= cfg.instantFactor() * t.threshold;
                if (v > t.threshold * cfg.hysteresis()) s.lastHot = (second + 1) * 1_000_000_000L;
            }
            b.offer(t, fired, v);
            if (s.incident == null || t.baseline.samples < coldStartSeconds) t.baseline.update(v, baselineAlpha);
            t.threshold(cfg, coldStartSeconds);
        }
        s.lastSecond = second;
        if (s.incident != null && s.lastHot > second * 1_000_000_000L && s.incident.trigger != null) {
            Trigger t = s.triggers[s.incident.trigger.ordinal()];
            s.incident.refresh(Classifier.classify(s, t.metric, value(s, t, sources), t.threshold));
        }
        if (b.trigger != null) incidents.fire(s, b.trigger, b.value, (second + 1) * 1_000_000_000L, s.slots.openSlot() - Slots.COUNT + 1);
        if (s.incident != null) s.incident.maxSources = Math.max(s.incident.maxSources, sources);
    }

    /** The slot {@code closing} closed for the scope: fast triggers, then the incident follows or starts. */
    void perSlot(Scope s, long closing) {
        long slotEnd = (closing + 1) * Slots.SLOT_NANOS;
        Best b = best.reset();
        for (Trigger t : s.triggers) {
            if (t == null || t.metric == Metric.SOURCES) continue;
            double v = s.slots.sliding(t.metric);
            double burst = s.slots.slot(t.metric, 0) * (double) Slots.COUNT;
            boolean fired = t.fast(v > t.threshold, cfg) || burst >= cfg.instantFactor() * t.threshold;
            if (burst > t.threshold * cfg.hysteresis()) s.lastHot = slotEnd; // the slot's own rate: ends are not smeared by the sliding second
            b.offer(t, fired, Math.max(v, burst));
        }
        if (s.incident != null) incidents.follow(s, closing, slotEnd, b.trigger != null, b.ratio);
        else if (b.trigger != null) incidents.fire(s, b.trigger, b.value, slotEnd, onset(s, closing, b.trigger));
    }

    private static double value(Scope s, Trigger t, long sources) {
        return t.metric == Metric.SOURCES ? sources : s.slots.sliding(t.metric);
    }

    /** First slot of the current run above the trigger's per-slot share of its threshold (within the last second). */
    private static long onset(Scope s, long closing, Trigger t) {
        long first = closing;
        double perSlot = t.threshold / Slots.COUNT;
        for (int age = 0; age < Slots.COUNT; age++) {
            if (s.slots.slot(t.metric, age) > perSlot * 0.5) first = closing - age;
            else break;
        }
        return first;
    }
}
