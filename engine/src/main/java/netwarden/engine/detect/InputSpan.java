package netwarden.engine.detect;

/**
 * The stretch of time the input actually covers, so every rate is packets divided by the time
 * measured, not by a window's nominal length: a capture that starts mid-slot or ends early is not
 * padded with silence, and a capture whose packets all share one timestamp is one burst (its
 * measured time is the clock's resolution, {@link #MIN_NANOS}), not "no rate".
 */
final class InputSpan {
    /** The shortest time a window can have measured: 1 ms, finer than any rate the detector judges. */
    static final long MIN_NANOS = 1_000_000L;
    private long first = Long.MIN_VALUE, last = Long.MIN_VALUE;
    private boolean ended;

    void saw(long tsNanos) {
        if (first == Long.MIN_VALUE || tsNanos < first) first = tsNanos;
        if (tsNanos > last) last = tsNanos;
    }

    /** The input is over (a replayed file): nothing after the last packet was measured. */
    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    long last() {
        return last;
    }

    /** Nanoseconds measured within [{@code from}, {@code to}), never under {@link #MIN_NANOS}. */
    long measured(long from, long to) {
        long a = first == Long.MIN_VALUE ? from : Math.max(from, first);
        long b = ended ? Math.min(to, last) : to;
        return Math.max(MIN_NANOS, b - a);
    }

    /**
     * Fewer than this many in a window measured over less than one slot give no rate: two packets a
     * millisecond apart (the first aggregate of a live /proc or eBPF source, landing just before a slot
     * ends) are not 2,000 pps, while a real burst (10,000 packets at one timestamp) still is one.
     */
    static final double MIN_SHORT_COUNT = 50;

    /** Per second: {@code count} over the time measured within [{@code from}, {@code to}). */
    double rate(double count, long from, long to) {
        if (count == 0) return 0;
        long measured = measured(from, to);
        if (measured < Slots.SLOT_NANOS && count < MIN_SHORT_COUNT) return 0;
        return count * 1e9 / measured;
    }

    /** True when every packet so far shares one timestamp (and there were packets). */
    boolean zeroSpan() {
        return first != Long.MIN_VALUE && first == last;
    }
}
