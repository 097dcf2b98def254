package netwarden.sources.gamelog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Field readers shared by the CSV and regex formats; pure. */
final class Fields {
    private static final Pattern EPOCH = Pattern.compile("\\d{9,11}(\\.\\d{1,9})?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private Fields() {}

    /** ISO 8601 with Z or an offset ({@code 2026-05-15T19:46:31Z}), or epoch seconds ({@code 1747338391[.5]}). */
    static long timestamp(String s) throws GameLogException {
        String t = s.trim();
        if (EPOCH.matcher(t).matches()) {
            try {
                return new java.math.BigDecimal(t).movePointRight(9).longValueExact();
            } catch (ArithmeticException e) { // 11 digits can pass year 2262, the end of epoch nanoseconds
                throw new GameLogException("epoch timestamp out of range");
            }
        }
        try {
            var i = OffsetDateTime.parse(t).toInstant();
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new GameLogException("timestamp is neither ISO 8601 nor epoch seconds");
        }
    }

    /** {@code ip} or {@code ip:port}, IPv4; returns {ip, port-or-null}; empty = {null, null}. */
    static Object[] address(String s) throws GameLogException {
        String t = s.trim();
        if (t.isEmpty()) return new Object[] {null, null};
        int colon = t.lastIndexOf(':');
        String ip = colon < 0 ? t : t.substring(0, colon);
        if (!IPV4.matcher(ip).matches()) throw new GameLogException("address is not IPv4 or IPv4:port");
        Integer port = null;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) throw new GameLogException("address port is not 0..65535");
        }
        return new Object[] {ip, port};
    }

    /** The {@code extra} column: {@code key=value} pairs separated by {@code |}; the command text may hold anything after {@code cmd=}. */
    static String extra(String extra, String key) {
        int at = extra.startsWith(key + "=") ? 0 : extra.indexOf("|" + key + "=");
        if (at < 0) return null;
        int start = at == 0 ? key.length() + 1 : at + key.length() + 2;
        if (key.equals("cmd")) return extra.substring(start); // last by definition; may contain '|'
        int end = extra.indexOf('|', start);
        return extra.substring(start, end < 0 ? extra.length() : end);
    }

    static Integer intOrNull(String s, String what) throws GameLogException {
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new GameLogException(what + " is not a number");
        }
    }

    /** Checks the per-action rules of players-log.md and builds the row. */
    static ParsedRow row(Long at, String server, GameLogAction action, String name, String address, String hash, String extra)
            throws GameLogException {
        Object[] a = address(address == null ? "" : address);
        boolean playerRow = action == GameLogAction.JOIN || action == GameLogAction.LEAVE || action == GameLogAction.COMMAND;
        if (playerRow && (name == null || name.isBlank())) throw new GameLogException(action.logName() + " without a player name");
        String x = extra == null ? "" : extra;
        Integer lvl = null, max = null;
        String cmd = null;
        if (action == GameLogAction.COMMAND) {
            lvl = intOrNull(extra(x, "lvl"), "lvl");
            cmd = extra(x, "cmd");
        } else if (action == GameLogAction.STATE) {
            max = intOrNull(extra(x, "maxplayers"), "maxplayers");
        }
        String h = hash == null || hash.isBlank() ? null : hash.trim();
        return new ParsedRow(at, server == null ? "" : server, action, playerRow ? name : null, (String) a[0], (Integer) a[1], h, lvl, cmd, max);
    }
}
