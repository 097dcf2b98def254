package netwarden.store;

/**
 * What the router pages and API ask the store. Times are epoch milliseconds, {@code from} inclusive and {@code to}
 * exclusive; null filters match everything; addresses are an address or a prefix ({@code 10.0.0.0/8});
 * {@code limit} caps the rows (newest first).
 */
public final class RouterQueries {
    private RouterQueries() {}

    /** Connections that ended in [from, to); {@code domain} matches exactly (a hashed name as stored). */
    public record Connections(String device, String remote, String domain, long asn, long fromMs, long toMs, int limit) {
        public Connections {
            Queries.checkRange(fromMs, toMs);
            Queries.checkLimit(limit);
            if (device != null) SearchTerm.addressRange(device);
            if (remote != null) SearchTerm.addressRange(remote);
        }
    }

    /** Anomalies scored in [from, to); {@code code} such as {@code PORT_SCAN_LIKE}. */
    public record Anomalies(String code, String device, long fromMs, long toMs, int limit) {
        public Anomalies {
            Queries.checkRange(fromMs, toMs);
            Queries.checkLimit(limit);
            if (device != null) SearchTerm.addressRange(device);
        }
    }

    /** DNS log entries or firewall records of [from, to), of one device (or prefix) or all. */
    public record DeviceLog(String device, long fromMs, long toMs, int limit) {
        public DeviceLog {
            Queries.checkRange(fromMs, toMs);
            Queries.checkLimit(limit);
            if (device != null) SearchTerm.addressRange(device);
        }
    }
}
