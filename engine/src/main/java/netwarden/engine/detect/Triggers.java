package netwarden.engine.detect;

/**
 * Evaluates a scope's triggers against their thresholds and hands what fires to {@link Incidents}.
 *
 * <p>Design notes: every value is a rate over the time actually measured ({@link InputSpan}), so a
 * 0.15 s capture is judged at its own rate and a zero-span capture as one burst. Per closed slot
 * the fast triggers run: the sliding second over the threshold in K of the last N slots, or the
 * last 0.3 s alone at {@code instantFactor} × the threshold; a window counts only when it holds at
 * least a tenth of a second's worth of packets at the threshold, so a handful of packets in a
 * short capture is never a flood. Per closed second the slow trigger (a smoothed second), the
 * distinct-source triggers and the baselines run. Either way the trigger reported is the one that
 * fired furthest above its threshold ({@link Best}). A scope under attack learns no baseline once
 * it is warm, so an attack does not teach the detector that attacks are normal.
 *
 * <p>Service-relative bars ({@link ServiceBars}): a small service's non-player traffic and its new
 * sources per ten seconds are judged against its own normal, with the floors as the minimum.
 */
final class Triggers {
    private static final long SECOND = 1_000_000_000L;
    private final DetectionConfig cfg;
    private final long coldStartSeconds;
    private final double baselineAlpha;
    private final Incidents incidents;
    private final InputSpan span;
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

    Triggers(DetectionConfig cfg, long coldStartSeconds, Incidents incidents, InputSpan span) {
        this.cfg = cfg;
        this.coldStartSeconds = coldStartSeconds;
        this.baselineAlpha = 1 - Math.pow(0.5, 1.0 / cfg.baselineHalfLife().toSeconds());
        this.incidents = incidents;
        this.span = span;
    }

    /** Catches a scope up on seconds without traffic: smoothed values and (unless under attack) baselines decay. */
    void silence(Scope s, long seconds) {
        if (seconds <= 0) return;
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            t.quiet(seconds, cfg);
            if (s.incident == null) t.baseline.decay(seconds, baselineAlpha);
        }
        java.util.Arrays.fill(s.newSourcesBySecond, 0);
        java.util.Arrays.fill(s.nonPlayerBySecond, 0);
    }

    /** Forgets the fast history after a jump over a long silence. */
    static void clearFast(Scope s) {
        for (Trigger t : s.triggers) if (t != null) t.fastBits = 0;
    }

    /** The second {@code second} closed for the scope: slow and source triggers, baselines, per-second evidence. */
    void perSecond(Scope s, long second) {
        long end = (second + 1) * SECOND;
        long sources = s.secondSources.getAsLong();
        s.lastSecondSources = sources;
        s.lastSecondNewSources = s.slots.sliding(Metric.NEW_SOURCES);
        s.newSourcesBySecond[(int) Math.floorMod(second, 10L)] = s.lastSecondNewSources;
        s.nonPlayerBySecond[(int) Math.floorMod(second, 10L)] = s.slots.sliding(Metric.NON_PLAYER);
        s.ttlDistinct = 0;
        for (int i = 0; i < 4; i++) {
            s.ttlDistinct += Long.bitCount(s.ttls[i]);
            s.ttls[i] = 0;
        }
        for (int i = 0; i < s.reflection.length; i++) s.reflection[i] >>= 1;
        if (s.ownSources != null) s.ownSources.clear();
        if (s.destinations != null) {
            s.lastSecondDestinations = s.destinations.count();
            s.destinations.clear();
        }
        if (s.incident == null) ServiceBars.learn(s, span.rate(s.slots.sliding(Metric.PPS), end - SECOND, end), sources);
        Best b = best.reset();
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            double v = value(s, t, sources, end);
            boolean fired = t.slow(v, cfg);
            if (t.metric == Metric.SOURCES) {
                s.sourcesBits = (s.sourcesBits << 1) | (v > t.threshold ? 1 : 0);
                fired |= Long.bitCount(s.sourcesBits & 7) >= 2 || v >= cfg.instantFactor() * t.threshold;
                if (v > t.threshold * cfg.hysteresis()) s.lastHot = end;
            } else if (t.metric == Metric.NEW_SOURCES_10S) {
                fired = v > t.threshold && ServiceBars.newcomersBringVolume(s, span.rate(s.slots.sliding(Metric.NON_PLAYER), end - SECOND, end));
            }
            b.offer(t, fired, v);
            if (s.incident == null || t.baseline.samples < coldStartSeconds) t.baseline.update(v, baselineAlpha);
            t.threshold(cfg, coldStartSeconds);
            ServiceBars.raise(s, t);
        }
        s.lastSecond = second;
        if (s.incident != null && s.lastHot > second * SECOND && s.incident.trigger != null) {
            Trigger t = s.triggers[s.incident.trigger.ordinal()];
            s.incident.refresh(Classifier.classify(s, t.metric, value(s, t, sources, end), t.threshold, span));
        }
        if (b.trigger != null) incidents.fire(s, b.trigger, b.value, end, s.slots.openSlot() - Slots.COUNT + 1);
        if (s.incident != null) s.incident.maxSources = Math.max(s.incident.maxSources, sources);
    }

    /** The slot {@code closing} closed for the scope: fast triggers, then the incident follows or starts. */
    void perSlot(Scope s, long closing) {
        long slotEnd = (closing + 1) * Slots.SLOT_NANOS;
        Best b = best.reset();
        for (Trigger t : s.triggers) {
            if (t == null || !t.metric.additive()) continue;
            if (t.metric == Metric.NON_PLAYER && s.watchedSeconds == 0) continue; // its bar is the service's size, known after a second
            long second = s.slots.sliding(t.metric), short3 = s.slots.last(t.metric, IncidentState.PEAK_SLOTS), last = s.slots.slot(t.metric, 0);
            double enough = t.threshold * 0.1; // a tenth of a second's worth at the threshold
            double v = span.rate(second, slotEnd - SECOND, slotEnd);
            double burst = short3 >= enough ? span.rate(short3, slotEnd - IncidentState.PEAK_SLOTS * Slots.SLOT_NANOS, slotEnd) : 0;
            boolean fired = t.fast(second >= enough && v > t.threshold, cfg) || burst >= cfg.instantFactor() * t.threshold;
            // The slot's own rate: ends are not smeared by the sliding second.
            if (last > 0 && span.rate(last, slotEnd - Slots.SLOT_NANOS, slotEnd) > t.threshold * cfg.hysteresis()) s.lastHot = slotEnd;
            b.offer(t, fired, Math.max(v, burst));
        }
        if (s.incident != null) incidents.follow(s, closing, slotEnd, b.trigger != null, b.ratio);
        else if (b.trigger == null) s.pendingOnset = Long.MIN_VALUE;
        else {
            // Named and sized once 0.3 s of it is in (after a partial onset slot, 0.3 s of whole
            // slots): every rate reported is over 0.3 s at least, and none is diluted by its start.
            // A burst keeps the onset it was first seen with while the trigger goes on firing.
            long onset = s.pendingOnset != Long.MIN_VALUE ? s.pendingOnset : onset(s, closing, b.trigger);
            int young = (int) (closing - onset + 1);
            if (young >= IncidentState.PEAK_SLOTS + (partialOnset(s, b.trigger.metric, young) ? 1 : 0)) {
                s.pendingOnset = Long.MIN_VALUE;
                incidents.fire(s, b.trigger, b.value, slotEnd, onset);
            } else {
                s.pendingOnset = onset;
            }
        }
    }

    private double value(Scope s, Trigger t, long sources, long end) {
        return switch (t.metric) {
            case SOURCES -> sources;
            case NEW_SOURCES_10S -> s.newSources10s();
            default -> span.rate(s.slots.sliding(t.metric), end - SECOND, end);
        };
    }

    /** Whether the oldest of the {@code young} slots holds under 3/4 of the others' average (the attack began inside it). */
    private static boolean partialOnset(Scope s, Metric m, int young) {
        if (young < 2 || young > Slots.COUNT) return false;
        long first = s.slots.slot(m, young - 1), rest = s.slots.last(m, young) - first;
        return first * 4 < rest * 3 / (young - 1);
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
