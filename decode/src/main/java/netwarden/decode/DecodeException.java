package netwarden.decode;

/**
 * A capture file is corrupt at a known place: the one exception decoders throw. Reading stops at
 * the corrupt record; every record before it was already returned.
 *
 * <p>{@link #record()} is the 1-based number of the record that could not be read (records
 * returned before it + 1), or 0 when the file header itself is bad. {@link #offset()} is the file
 * offset of the bad header, block or field.
 */
public final class DecodeException extends Exception {
    private final String decoder;
    private final long offset;
    private final long record;
    private final String reason;

    public DecodeException(String decoder, long offset, long record, String reason) {
        super(decoder + ": " + (record == 0 ? "file header" : "record " + record) + " at file offset " + offset
                + ": " + reason);
        this.decoder = decoder;
        this.offset = offset;
        this.record = record;
        this.reason = reason;
    }

    /** Which decoder gave up: "capture" (format detection), "pcap" or "pcapng". */
    public String decoder() {
        return decoder;
    }

    public long offset() {
        return offset;
    }

    public long record() {
        return record;
    }

    /** What was wrong, naming the field and its value. */
    public String reason() {
        return reason;
    }
}
