package netwarden.sources.query;

/** An answer that is not what the protocol allows: which protocol, where in the answer, and why. */
public final class QueryException extends Exception {
    private final String protocol;
    private final int offset;
    private final String reason;

    public QueryException(String protocol, int offset, String reason) {
        super(protocol + " answer at byte " + offset + ": " + reason);
        this.protocol = protocol;
        this.offset = offset;
        this.reason = reason;
    }

    public String protocol() { return protocol; }
    public int offset() { return offset; }
    public String reason() { return reason; }
}
