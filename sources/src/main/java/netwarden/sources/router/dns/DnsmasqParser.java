package netwarden.sources.router.dns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dnsmasq {@code log-queries} lines, as written to its {@code log-facility} file
 * ({@code Dec  7 21:00:01 dnsmasq[123]: query[A] example.com from 10.0.0.5}) or to syslog (with a
 * host name, or an RFC 3339 time, before {@code dnsmasq[pid]:}), with or without
 * {@code log-queries=extended} ({@code 7 10.0.0.5/40211 query[A] ...}).
 *
 * <p>Contract: pure. {@link #parse} returns null for lines that are not query-log lines (start-up
 * messages, other programs' lines, DHCP) and throws {@link DnsmasqParseException} for a query-log
 * line that is malformed. The line's own time is not read (it has no year); callers stamp entries.
 */
public final class DnsmasqParser {
    private static final Pattern PREFIX = Pattern.compile("dnsmasq(?:\\[\\d+])?: ");
    private static final Pattern EXTENDED = Pattern.compile("^(\\d+) \\S+/\\d+ (.*)$");
    private static final Pattern QUERY = Pattern.compile("^query\\[([A-Za-z0-9]+)] (\\S+) from (\\S+)$");
    private static final Pattern FORWARDED = Pattern.compile("^forwarded (\\S+) to (\\S+)$");
    private static final Pattern ANSWER = Pattern.compile("^(reply|cached|config|/\\S+) (\\S+) is (\\S+)$");

    private DnsmasqParser() {}

    public static DnsLogEntry parse(String line) throws DnsmasqParseException {
        Matcher p = PREFIX.matcher(line);
        if (!p.find()) return null;
        String body = line.substring(p.end()).strip();
        long serial = -1;
        Matcher ext = EXTENDED.matcher(body);
        if (ext.matches()) {
            serial = Long.parseLong(ext.group(1).length() > 18 ? "-1" : ext.group(1));
            body = ext.group(2);
        }
        String word = body.indexOf(' ') < 0 ? body : body.substring(0, body.indexOf(' '));
        if (word.startsWith("query[")) {
            Matcher m = QUERY.matcher(body);
            if (!m.matches()) throw new DnsmasqParseException("malformed query", line);
            return new DnsLogEntry(DnsLogEntry.Kind.QUERY, name(m.group(2), line), m.group(1), m.group(3), "", "", "", serial);
        }
        if (word.equals("forwarded")) {
            Matcher m = FORWARDED.matcher(body);
            if (!m.matches()) throw new DnsmasqParseException("malformed forwarded", line);
            return new DnsLogEntry(DnsLogEntry.Kind.FORWARDED, name(m.group(1), line), "", "", m.group(2), "", "", serial);
        }
        if (word.equals("reply") || word.equals("cached") || word.equals("config") || word.startsWith("/")) {
            Matcher m = ANSWER.matcher(body);
            if (!m.matches()) {
                if (word.startsWith("/")) return null; // other path-led messages ("/etc/hosts - 3 names"): not answers
                throw new DnsmasqParseException("malformed " + word, line);
            }
            DnsLogEntry.Kind kind = switch (word) {
                case "reply" -> DnsLogEntry.Kind.REPLY;
                case "cached" -> DnsLogEntry.Kind.CACHED;
                case "config" -> DnsLogEntry.Kind.CONFIG;
                default -> DnsLogEntry.Kind.HOSTS;
            };
            return new DnsLogEntry(kind, name(m.group(2), line), "", "", "", m.group(3),
                    kind == DnsLogEntry.Kind.HOSTS ? word : "", serial);
        }
        return null;
    }

    /** Names as DNS compares them: lower case, no trailing dot; refuses what cannot be a name. */
    private static String name(String raw, String line) throws DnsmasqParseException {
        String n = raw.endsWith(".") && raw.length() > 1 ? raw.substring(0, raw.length() - 1) : raw;
        if (n.length() > 253) throw new DnsmasqParseException("name longer than 253", line);
        return n.toLowerCase(java.util.Locale.ROOT);
    }
}
