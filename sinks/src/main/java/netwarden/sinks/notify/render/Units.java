package netwarden.sinks.notify.render;

import java.time.Duration;
import java.util.Locale;

/** Human-readable rates, counts and durations for messages. */
public final class Units {
    private Units() {}

    /** 1234567 packets/s becomes "1.23 Mpps". */
    public static String pps(long pps) {
        return scaled(pps, "pps");
    }

    /** 8400000000 bit/s becomes "8.40 Gbit/s". */
    public static String bps(long bps) {
        return scaled(bps, "bit/s");
    }

    /** 1234 becomes "1,234". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 754 s becomes "12m34s"; under a second "0s". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) return s / 3600 + "h" + (s % 3600) / 60 + "m";
        if (s >= 60) return s / 60 + "m" + s % 60 + "s";
        return s + "s";
    }

    private static String scaled(long v, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T", "P"};
        double x = v;
        int i = 0;
        while (Math.abs(x) >= 1000 && i < prefixes.length - 1) {
            x /= 1000;
            i++;
        }
        return i == 0 ? v + " " + unit : String.format(Locale.ROOT, "%.2f %s%s", x, prefixes[i], unit);
    }
}
