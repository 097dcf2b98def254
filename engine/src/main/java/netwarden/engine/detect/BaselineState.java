package netwarden.engine.detect;

/** Persistable baseline of one (scope, metric): mean, mean absolute deviation, seconds learned. */
public record BaselineState(double mean, double deviation, long samples) {
    public BaselineState {
        if (!Double.isFinite(mean) || mean < 0) throw new IllegalArgumentException("baseline mean must be finite and >= 0: " + mean);
        if (!Double.isFinite(deviation) || deviation < 0) throw new IllegalArgumentException("baseline deviation must be finite and >= 0: " + deviation);
        if (samples < 0) throw new IllegalArgumentException("baseline samples must be >= 0: " + samples);
    }
}
