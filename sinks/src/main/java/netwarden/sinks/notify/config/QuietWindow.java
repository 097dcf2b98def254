package netwarden.sinks.notify.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import netwarden.model.SettingException;

/**
 * A time when a route sends nothing: recurring quiet hours ({@code "mon-fri 22:00-07:00 Europe/Berlin"},
 * days and zone optional, an end before the start runs past midnight) or a one-off maintenance window
 * ({@code "2026-12-08T02:00:00Z/2026-12-08T03:00:00Z"}, ISO-8601 instants). Events in a window are
 * still stored and archived; the router counts what it held back
 * ({@code netwarden_notify_suppressed_total{reason="quiet"}}).
 *
 * @param days  days the hours start on (every day when all seven)
 * @param from  start of the quiet hours, or null for a maintenance window
 * @param to    end of the quiet hours (exclusive; 24:00 is written as 00:00), or null
 * @param start start of a maintenance window (inclusive), or null for quiet hours
 * @param end   end of a maintenance window (exclusive), or null
 */
public record QuietWindow(String text, Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone, Instant start, Instant end) {
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    public QuietWindow {
        days = days == null ? EnumSet.allOf(DayOfWeek.class) : Set.copyOf(days);
        boolean hours = from != null && to != null && zone != null && start == null && end == null;
        boolean once = start != null && end != null && from == null && to == null;
        if (!hours && !once) throw new IllegalArgumentException("a quiet window is either hours (from, to, zone) or a start and an end: " + text);
        if (once && !end.isAfter(start)) throw new IllegalArgumentException("quiet window ends before it starts: " + text);
    }

    /** A maintenance window from {@code start} to {@code end}. */
    public static QuietWindow between(Instant start, Instant end) {
        return new QuietWindow(start + "/" + end, null, null, null, null, start, end);
    }

    /** True when {@code t} lies in the window. */
    public boolean covers(Instant t) {
        if (start != null) return !t.isBefore(start) && t.isBefore(end);
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!from.isAfter(to) && !from.equals(to)) return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        // Past midnight (or the whole day when from == to): the part after midnight belongs to the day before.
        if (!time.isBefore(from)) return days.contains(local.getDayOfWeek());
        return time.isBefore(to) && days.contains(local.getDayOfWeek().minus(1));
    }

    /** Parses the config/API text form; the error names {@code field} and the value. */
    public static QuietWindow parse(String field, String text) {
        if (text == null || text.isBlank()) throw new SettingException(field, text, (field.isEmpty() ? "quiet window" : field) + " must not be empty");
        String t = text.strip();
        try {
            int slash = t.indexOf('/');
            if (slash > 0 && t.indexOf(':') < slash && t.contains("T")) {
                return new QuietWindow(t, null, null, null, null, Instant.parse(t.substring(0, slash)), Instant.parse(t.substring(slash + 1)));
            }
            String[] parts = t.split("\\s+");
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            int i = 0;
            if (!Character.isDigit(parts[0].charAt(0))) days = days(parts[i++]);
            if (i >= parts.length) throw new IllegalArgumentException("no hours");
            String[] hours = parts[i++].split("-");
            if (hours.length != 2) throw new IllegalArgumentException("hours are HH:MM-HH:MM");
            ZoneId zone = i < parts.length ? ZoneId.of(parts[i++]) : ZoneId.of("UTC");
            if (i < parts.length) throw new IllegalArgumentException("unexpected '" + parts[i] + "'");
            return new QuietWindow(t, days, time(hours[0]), time(hours[1]), zone, null, null);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new SettingException(field, text, (field.isEmpty() ? "" : field + ": ") + "'" + text + "' is no quiet window (" + e.getMessage()
                    + "); write \"mon-fri 22:00-07:00 Europe/Berlin\" (days and zone optional) or \"2026-12-08T02:00:00Z/2026-12-08T03:00:00Z\"");
        }
    }

    private static LocalTime time(String s) {
        return s.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(s.length() == 4 ? "0" + s : s);
    }

    private static Set<DayOfWeek> days(String s) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : s.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.split("-");
            int a = day(range[0]), b = range.length > 1 ? day(range[1]) : a;
            for (int d = a; ; d = (d + 1) % 7) {
                out.add(DayOfWeek.of(d + 1));
                if (d == b) break;
            }
        }
        return out;
    }

    private static int day(String s) {
        for (int i = 0; i < DAYS.length; i++) if (s.startsWith(DAYS[i])) return i;
        throw new IllegalArgumentException("unknown day '" + s + "' (mon … sun)");
    }

    @Override
    public String toString() {
        return text;
    }
}
