package netwarden.decode.netlink;

/**
 * A netlink message is malformed at a known place: the one exception the netlink decoders throw.
 * {@link #offset()} is the byte offset into the buffer handed to the decoder.
 */
public final class NetlinkException extends Exception {
    private final String decoder;
    private final int offset;
    private final String reason;

    public NetlinkException(String decoder, int offset, String reason) {
        super(decoder + ": at offset " + offset + ": " + reason);
        this.decoder = decoder;
        this.offset = offset;
        this.reason = reason;
    }

    /** Which decoder gave up: "netlink", "ctnetlink" or "nflog". */
    public String decoder() {
        return decoder;
    }

    public int offset() {
        return offset;
    }

    /** What was wrong, naming the field and its value. */
    public String reason() {
        return reason;
    }
}
