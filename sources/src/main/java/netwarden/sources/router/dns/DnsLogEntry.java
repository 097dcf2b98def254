package netwarden.sources.router.dns;

/**
 * One query-log line of dnsmasq ({@code log-queries}).
 *
 * <ul>
 *   <li>QUERY: {@code query[A] name from client}: {@code qtype} and {@code client} set;
 *   <li>FORWARDED: {@code forwarded name to server}: {@code server} set;
 *   <li>REPLY, CACHED, CONFIG, HOSTS ({@code /etc/hosts name is answer}): {@code answer} set
 *       (an address, or a word such as NXDOMAIN, NODATA, {@code <CNAME>}), {@code source} is the
 *       hosts file for HOSTS.
 * </ul>
 * Fields that do not apply are "". {@code serial} is the query's number with
 * {@code log-queries=extended}, else -1.
 */
public record DnsLogEntry(Kind kind, String name, String qtype, String client, String server, String answer,
                          String source, long serial) {
    public enum Kind { QUERY, FORWARDED, REPLY, CACHED, CONFIG, HOSTS }

    /** Whether the answer is an address (the ones worth mapping). */
    public boolean answerIsAddress() {
        return !answer.isEmpty() && answer.matches("[0-9a-fA-F:.]+") && (answer.indexOf('.') > 0 || answer.indexOf(':') >= 0);
    }
}
