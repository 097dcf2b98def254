package netwarden.decode.flow;

/**
 * A flow-export datagram is damaged at a known place: the one exception the flow decoders throw.
 * Low-level bounds failures are translated into it at the decoder edge, so callers count one kind
 * of error. Templates learned from sets before the damage stay learned (as tshark keeps them); the
 * datagram's records are not returned.
 */
public final class FlowDecodeException extends Exception {
    private final String decoder;
    private final long offset;
    private final String reason;

    public FlowDecodeException(String decoder, long offset, String reason) {
        super(decoder + ": datagram offset " + offset + ": " + reason);
        this.decoder = decoder;
        this.offset = offset;
        this.reason = reason;
    }

    /** Which decoder gave up: "flow" (header detection), "netflow5", "netflow9", "ipfix" or "sflow". */
    public String decoder() {
        return decoder;
    }

    /** Offset in the datagram of the bad header, set, sample or field. */
    public long offset() {
        return offset;
    }

    /** What was wrong, naming the field and its value. */
    public String reason() {
        return reason;
    }
}
