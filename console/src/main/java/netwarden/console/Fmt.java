package netwarden.console;

import java.time.Instant;
import java.util.Locale;
import netwarden.model.Ip;
import netwarden.wire.AddressFormat;

/** How values read on a page: times for the browser to show in its own zone, rates, sizes, addresses. */
final class Fmt {
    private Fmt() {}

    /** A {@code <time>} the console script rewrites into the browser's zone; UTC until then. */
    static Html.Raw time(long epochMs) {
        if (epochMs <= 0) return Html.safe("");
        String iso = Instant.ofEpochMilli(epochMs).toString();
        return Html.safe("<time datetime=\"" + iso + "\">" + iso.replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", "") + " UTC</time>");
    }

    /** 1234567 → "1.23 M". */
    static String si(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        if (a >= 1e3) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.2f MiB", b / (double) (1L << 20));
        if (b >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        return b + " B";
    }

    /** An address as the API would show it to this token; text that is not an address is shown as is. */
    static String address(String text, AddressFormat format) {
        if (text == null) return "";
        try {
            return format.format(Ip.parse(text));
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static String address(Ip ip, AddressFormat format) {
        return ip == null ? "" : format.format(ip);
    }

    static String asn(long asn) {
        return asn == 0 ? "" : "AS" + asn;
    }

    static String country(String code) {
        return code == null ? "" : code;
    }

    static String duration(long ms) {
        long s = ms / 1000;
        if (s < 120) return s + " s";
        if (s < 7200) return s / 60 + " min";
        if (s < 172_800) return s / 3600 + " h " + s % 3600 / 60 + " min";
        return s / 86_400 + " d";
    }
}
