package netwarden.engine.detect;

/**
 * Trigger state of one metric of one scope: the fast K-of-N history, the slow smoothed value,
 * the learned baseline, and the threshold in force.
 */
final class Trigger {
    final Metric metric;
    final double floor;
    final Baseline baseline;
    long fastBits;
    double slow;
    boolean slowPrimed;
    double threshold;

    Trigger(Metric metric, double floor, Baseline baseline) {
        this.metric = metric;
        this.floor = floor;
        this.baseline = baseline;
        this.threshold = floor;
    }

    /** The floor alone while learning; afterwards the larger of the floor and the learned band. */
    double threshold(DetectionConfig cfg, long coldStartSeconds) {
        threshold = cfg.baselines() && baseline.samples >= coldStartSeconds ? Math.max(floor, baseline.band(cfg.baselineK())) : floor;
        return threshold;
    }

    /** Records one evaluation; true when at least K of the last N were over the threshold. */
    boolean fast(boolean over, DetectionConfig cfg) {
        fastBits = (fastBits << 1) | (over ? 1 : 0);
        long mask = cfg.fastN() >= 64 ? -1L : (1L << cfg.fastN()) - 1;
        return Long.bitCount(fastBits & mask) >= cfg.fastK();
    }

    /**
     * Feeds one closed second to the smoothed value; true when it is over the threshold and the
     * second itself is at least near it (a lagging average alone never fires after a flood is gone).
     */
    boolean slow(double perSecond, DetectionConfig cfg) {
        slow = slowPrimed ? slow + cfg.slowAlpha() * (perSecond - slow) : perSecond * cfg.slowAlpha();
        slowPrimed = true;
        return slow > threshold && perSecond > threshold * cfg.hysteresis();
    }

    /** Applies {@code seconds} of silence to the smoothed value. */
    void quiet(long seconds, DetectionConfig cfg) {
        if (seconds > 0) slow *= Math.pow(1 - cfg.slowAlpha(), seconds);
    }
}
