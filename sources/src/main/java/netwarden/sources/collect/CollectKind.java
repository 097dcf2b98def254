package netwarden.sources.collect;

import java.util.Locale;
import netwarden.decode.flow.FlowProtocol;

/** What a listener takes: {@code netflow} is NetFlow v5, v9 and IPFIX on one port; {@code sflow} is sFlow v5. */
public enum CollectKind {
    NETFLOW, SFLOW;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a datagram of this protocol belongs on a listener of this kind (else it is counted as misdirected). */
    public boolean accepts(FlowProtocol p) {
        return this == SFLOW ? p == FlowProtocol.SFLOW5 : p != FlowProtocol.SFLOW5;
    }

    public static CollectKind parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "netflow", "ipfix" -> NETFLOW;
            case "sflow" -> SFLOW;
            default -> throw new IllegalArgumentException("collector kind must be netflow or sflow: '" + text + "'");
        };
    }
}
