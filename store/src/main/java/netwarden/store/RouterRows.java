package netwarden.store;

import java.util.Objects;

/**
 * The router profile's rows (issue 15): connections, DNS log entries, firewall records, devices and anomalies.
 * Addresses as text (the LAN device, the remote); {@code port} -1 for protocols without ports; country an ISO
 * code or null, asn 0 when unknown. Anomaly incidents are ordinary {@link Rows.Incident} rows (scope
 * {@code device}), so they are listed, acknowledged and noted exactly like attacks.
 */
public final class RouterRows {
    private RouterRows() {}

    /** A finished connection of a LAN device (out = device to remote). */
    public record Connection(String agent, String device, String remote, int proto, int port, long packetsOut,
                             long bytesOut, long packetsIn, long bytesIn, String domain, String country, long asn,
                             long firstSeenMs, long lastSeenMs) {
        public Connection {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(remote, "remote");
        }
    }

    /** A dnsmasq log entry; {@code device} null when it is the resolver's own (forwarded upstream). */
    public record Dns(String agent, long tsMs, String device, String action, String name, String qtype, String answer) {
        public Dns {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(action, "action");
        }
    }

    /** A packet an NFLOG rule logged: action drop, accept or log, and the rule's prefix. */
    public record Firewall(String agent, long tsMs, String action, String prefix, int group, String device, String remote,
                           int proto, int port, int length) {
        public Firewall {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * A LAN device, keyed by (agent, address): later writes widen first/last seen and fill the MAC; the name
     * belongs to people and only {@link Store#renameDevice} changes it.
     */
    public record Device(String agent, String address, String mac, String name, long firstSeenMs, long lastSeenMs) {
        public Device {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(address, "address");
        }

        /** The same device seen over both rows' spans. */
        Device merge(Device later) {
            return new Device(agent, address, later.mac == null || later.mac.isEmpty() ? mac : later.mac,
                    name, Math.min(firstSeenMs, later.firstSeenMs), Math.max(lastSeenMs, later.lastSeenMs));
        }
    }

    /** A scored hit (after allowlist, suppression and deduplication), with the incident it opened or joined. */
    public record Anomaly(String agent, long tsMs, String device, String code, int score, String evidence, String remote,
                          int port, String incidentId) {
        public Anomaly {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(code, "code");
        }
    }
}
