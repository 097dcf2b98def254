package netwarden.store;

/**
 * What the console and API ask the store. Times are epoch milliseconds, {@code from} inclusive and {@code to}
 * exclusive; null filters match everything; {@code limit} caps the rows (newest first). {@code agent} narrows a
 * central server's answer to one agent (null: all agents; "" is a local store's own rows).
 */
public final class Queries {
    private Queries() {}

    static int checkLimit(int limit) {
        if (limit <= 0 || limit > 100_000) throw new IllegalArgumentException("limit must be 1..100000: " + limit);
        return limit;
    }

    static void checkRange(long fromMs, long toMs) {
        if (toMs < fromMs) throw new IllegalArgumentException("to must not be before from: " + fromMs + " > " + toMs);
    }

    /** {@code agent}: one agent's rows on a central server ("" the local store's), null for every agent. */
    public record Events(String kind, String service, long fromMs, long toMs, int limit, String agent) {
        public Events {
            checkRange(fromMs, toMs);
            checkLimit(limit);
        }

        public Events(String kind, String service, long fromMs, long toMs, int limit) {
            this(kind, service, fromMs, toMs, limit, null);
        }
    }

    /**
     * Player sessions that overlap [from, to). {@code address} is an address or a prefix ({@code 10.1.0.0/16});
     * {@code name} matches a part of the player name, case-insensitive; {@code asn} 0 matches all.
     */
    public record Sessions(String service, String address, String name, String country, long asn,
                           long fromMs, long toMs, int limit, String agent) {
        public Sessions {
            checkRange(fromMs, toMs);
            checkLimit(limit);
            if (address != null) SearchTerm.addressRange(address);
        }

        public Sessions(String service, String address, String name, String country, long asn, long fromMs, long toMs, int limit) {
            this(service, address, name, country, asn, fromMs, toMs, limit, null);
        }
    }

    /** Incidents that started in [from, to); state "active", "ended", "unacknowledged" or null for all. */
    public record Incidents(String state, String kind, String service, String severity, long fromMs, long toMs,
                            int limit, String agent) {
        public Incidents(String state, String kind, String service, String severity, long fromMs, long toMs, int limit) {
            this(state, kind, service, severity, fromMs, toMs, limit, null);
        }

        public Incidents {
            checkRange(fromMs, toMs);
            checkLimit(limit);
            if (state != null && !state.equals("active") && !state.equals("ended") && !state.equals("unacknowledged"))
                throw new IllegalArgumentException("state must be active, ended or unacknowledged: " + state);
        }
    }

    /**
     * Flow-export minutes in [from, to): {@code address} (an address or prefix) matches the source or the
     * destination, {@code port} the source or destination port (-1 all), {@code exporter} exactly (null all).
     */
    public record Flows(String address, String exporter, int port, long fromMs, long toMs, int limit) {
        public Flows {
            checkRange(fromMs, toMs);
            checkLimit(limit);
            if (address != null) SearchTerm.addressRange(address);
            if (port < -1 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** A service's series over [from, to) in steps of {@code stepSeconds}, read from the matching rollup table. */
    public record History(String service, long fromMs, long toMs, long stepSeconds, String agent) {
        public History(String service, long fromMs, long toMs, long stepSeconds) {
            this(service, fromMs, toMs, stepSeconds, null);
        }

        public History {
            checkRange(fromMs, toMs);
            if (stepSeconds <= 0) throw new IllegalArgumentException("step must be positive: " + stepSeconds);
            if ((toMs - fromMs) / 1000 / stepSeconds > 100_000)
                throw new IllegalArgumentException("too many points (over 100000): widen the step: " + stepSeconds);
        }
    }
}
