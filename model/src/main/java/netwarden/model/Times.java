package netwarden.model;

import java.math.BigDecimal;
import java.time.Instant;

/** Conversions for the epoch-nanosecond timestamps used throughout. */
public final class Times {
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Times() {}

    /** Epoch seconds with nanosecond precision, trailing zeros removed, never in exponent form: {@code 1795268313.898023}. */
    public static BigDecimal seconds(long nanos) {
        BigDecimal s = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static long second(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_SECOND);
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
