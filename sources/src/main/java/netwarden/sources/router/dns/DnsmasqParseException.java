package netwarden.sources.router.dns;

/** A dnsmasq query-log line that starts like one but cannot be read: the parser's one exception. */
public final class DnsmasqParseException extends Exception {
    private final String reason;

    public DnsmasqParseException(String reason, String line) {
        super("dnsmasq: " + reason + ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
        this.reason = reason;
    }

    /** A short, label-safe reason, e.g. "query without from". */
    public String reason() {
        return reason;
    }
}
