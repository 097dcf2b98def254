package netwarden.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A page's time range, from its URL: {@code range=15m|1h|24h|7d|30d} ending now, or {@code from}/{@code to}
 * (epoch seconds or RFC 3339; the custom-range form sends epoch seconds from the browser's zone). Without
 * either, {@code fallback} applies ("" = all time). {@code now} is the newest packet time the engine has seen
 * (a replayed capture's "now" is its own), else the wall clock.
 */
record Range(long fromMs, long toMs, String preset) {
    static final String[] PRESETS = {"15m", "1h", "24h", "7d", "30d"};
    private static final Map<String, Long> SPANS = Map.of("15m", 900_000L, "1h", 3_600_000L, "24h", 86_400_000L,
            "7d", 604_800_000L, "30d", 2_592_000_000L);
    /** Chart steps, seconds; the first that keeps a chart under {@link #POINTS} points wins. */
    private static final long[] STEPS = {1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 86_400};
    static final int POINTS = 900;

    static Range of(PageRequest r, long nowMs, String fallback) {
        String from = r.q("from"), to = r.q("to");
        if (from != null || to != null) {
            long t = to == null ? nowMs : time(to, nowMs);
            long f = from == null ? t - 3_600_000 : time(from, t - 3_600_000);
            return f < t ? new Range(f, t, "custom") : new Range(t, f, "custom");
        }
        String preset = r.q("range");
        if (preset == null || !SPANS.containsKey(preset)) preset = fallback;
        if (preset.isEmpty()) return new Range(0, Long.MAX_VALUE, "");
        return new Range(nowMs - SPANS.get(preset), nowMs + 1, preset);
    }

    private static long time(String v, long absent) {
        try {
            if (v.chars().allMatch(Character::isDigit)) return Long.parseLong(v) * 1000;
            if (v.length() == 16 || v.length() == 19) return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
            return Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return absent;
        }
    }

    boolean all() {
        return preset.isEmpty();
    }

    long spanMs() {
        return toMs - fromMs;
    }

    long stepSeconds() {
        for (long s : STEPS) if (spanMs() / 1000 / s <= POINTS) return s;
        return STEPS[STEPS.length - 1] * Math.max(1, spanMs() / 1000 / STEPS[STEPS.length - 1] / POINTS + 1);
    }

    /** The same span just before this one: the chart's comparison. */
    Range previous() {
        return new Range(fromMs - spanMs(), fromMs, preset);
    }

    /** Preset links and the custom-range form, every other query parameter kept. */
    Html.Raw picker(PageRequest r, String path, boolean allowAll) {
        Html h = new Html().raw("<div class=range>");
        if (allowAll) h.f("<a href=\"%s\"%s>all</a>", SortedTable.link(r, path, Map.of("range", "", "from", "", "to", "")),
                Html.safe(all() ? " aria-current=true" : ""));
        for (String p : PRESETS) {
            h.f("<a href=\"%s\"%s>%s</a>", SortedTable.link(r, path, Map.of("range", p, "from", "", "to", "")),
                    Html.safe(p.equals(preset) ? " aria-current=true" : ""), p);
        }
        h.f("<form method=get action=\"%s\" class=custom-range>", path);
        for (var e : r.http().query().entrySet()) {
            if (!e.getKey().equals("from") && !e.getKey().equals("to") && !e.getKey().equals("range"))
                h.f("<input type=hidden name=\"%s\" value=\"%s\">", e.getKey(), e.getValue());
        }
        String f = all() ? "" : local(fromMs), t = all() ? "" : local(toMs);
        h.f("<input type=datetime-local name=from value=\"%s\" data-utc aria-label=from>", f)
                .f("<input type=datetime-local name=to value=\"%s\" data-utc aria-label=to>", t)
                .raw("<button type=submit>Apply</button></form></div>");
        return h.build();
    }

    private static String local(long ms) {
        if (ms <= 0 || ms == Long.MAX_VALUE) return "";
        return LocalDateTime.ofEpochSecond(ms / 1000, 0, ZoneOffset.UTC).toString();
    }
}
