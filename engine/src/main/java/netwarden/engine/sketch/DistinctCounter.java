package netwarden.engine.sketch;

/**
 * Distinct addresses in one window: exact up to {@code exactLimit}, then a {@link HyperLogLog}.
 * The switch is one-way until {@link #clear()}, and is reported through {@link #estimated()} and
 * the return value of {@link #add} so the caller can count it.
 */
public final class DistinctCounter {
    private final int exactLimit;
    private final AddressSet exact;
    private HyperLogLog sketch;
    private boolean estimated;

    public DistinctCounter(int exactLimit) {
        this.exactLimit = exactLimit;
        this.exact = new AddressSet(8);
    }

    /** Adds one address; returns true exactly when this call switched the counter to the sketch. */
    public boolean add(long hi, long lo) {
        if (estimated) {
            sketch.add(hi, lo);
            return false;
        }
        if (!exact.add(hi, lo) || exact.size() <= exactLimit) return false;
        if (sketch == null) sketch = new HyperLogLog();
        exact.forEach(sketch::add);
        exact.clear();
        estimated = true;
        return true;
    }

    public long count() {
        return estimated ? sketch.estimate() : exact.size();
    }

    public boolean estimated() {
        return estimated;
    }

    public void clear() {
        exact.clear();
        if (estimated) sketch.clear();
        estimated = false;
    }
}
