package netwarden.app.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in config files: a sequence of whole numbers with units, such as {@code 500ms},
 * {@code 10s}, {@code 5m}, {@code 1h30m} or {@code 2d}. A bare number is rejected because its unit
 * would be a guess.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    /** Longer is a mistake, and beyond ~292 years a duration no longer fits a count of nanoseconds. */
    static final Duration MAX = Duration.ofDays(36_500);

    private Durations() {}

    /** Parses {@code text}; throws IllegalArgumentException naming the text when it is not a duration. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty duration (write e.g. 10s, 500ms, 5m)");
        String s = text.trim();
        if (s.matches("\\d+")) throw new IllegalArgumentException("duration '" + s + "' needs a unit, e.g. " + s + "s (units: ms, s, m, h, d)");
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            } catch (NumberFormatException | ArithmeticException e) {
                total = MAX.plusDays(1);
            }
            if (total.compareTo(MAX) > 0) throw new IllegalArgumentException("duration '" + s + "' is too large (at most 36500d, 100 years)");
            end = m.end();
        }
        if (end != s.length() || end == 0)
            throw new IllegalArgumentException("not a duration: '" + s + "' (write e.g. 10s, 500ms, 5m, 1h30m; units: ms, s, m, h, d)");
        return total;
    }

    /**
     * The form {@link #parse} reads back to the same value: {@code 90s -> 1m30s}, {@code 1500ms -> 1500ms}.
     * Sub-millisecond durations (which parse never makes) fall back to ISO-8601.
     */
    public static String format(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        if (d.isZero()) return "0s";
        if (d.toNanos() % 1_000_000 != 0 || d.compareTo(Duration.ofDays(100_000)) > 0) return d.toString();
        long ms = d.toMillis();
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                out.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return out.toString();
    }
}
