package netwarden.engine.detect;

/**
 * Learned normal level of one metric of one scope: an exponentially weighted mean and mean
 * absolute deviation of per-second values (EWMA + k·MAD). While few samples exist the weight is
 * 1/n, so the cold start learns a plain average rather than its first second. Each value is
 * clipped (winsorized) to mean + 4 × deviation before it is learned, so an attack that happens
 * during the cold start barely moves the baseline; after the cold start the detector stops
 * learning altogether while the scope is under attack.
 */
final class Baseline {
    double mean;
    double dev;
    long samples;

    Baseline() {}

    Baseline(BaselineState s) {
        mean = s.mean();
        dev = s.deviation();
        samples = s.samples();
    }

    void update(double value, double alpha) {
        if (samples >= 10) value = Math.min(value, mean + 4 * Math.max(dev, 0.1 * mean) + 1);
        double a = Math.max(alpha, 1.0 / (samples + 1));
        double d = samples == 0 ? 0 : Math.abs(value - mean);
        mean += a * (value - mean);
        if (samples > 0) dev += a * (d - dev);
        samples++;
    }

    /** Applies {@code seconds} of silence in one step (the scope had no packets). */
    void decay(long seconds, double alpha) {
        if (seconds <= 0 || samples == 0) return;
        double keep = Math.pow(1 - alpha, seconds);
        dev = dev * keep + (1 - keep) * mean; // every zero second deviates by about the mean
        mean *= keep;
        samples += seconds;
    }

    /** Upper edge of normal: mean + k × deviation, the deviation never under 5 % of the mean. */
    double band(double k) {
        return mean + k * Math.max(dev, 0.05 * mean);
    }

    BaselineState state() {
        return new BaselineState(mean, dev, samples);
    }
}
