package netwarden.decode.flow;

/** The export formats, told apart by their headers (never by UDP port). */
public enum FlowProtocol {
    NETFLOW5(5), NETFLOW9(9), IPFIX(10), SFLOW5(5);

    private final int version;

    FlowProtocol(int version) {
        this.version = version;
    }

    /** The version number in the export header. */
    public int version() {
        return version;
    }

    /** The decoder name used in errors and metrics. */
    public String decoderName() {
        return switch (this) {
            case NETFLOW5 -> "netflow5";
            case NETFLOW9 -> "netflow9";
            case IPFIX -> "ipfix";
            case SFLOW5 -> "sflow";
        };
    }
}
