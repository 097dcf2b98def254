package netwarden.model;

/**
 * A player of a service as last seen by the engine.
 *
 * @param service      service id
 * @param address      the player's source address
 * @param firstSeenNanos first packet from this address to the service
 * @param lastSeenNanos  latest packet from this address to the service
 * @param packetsIn    packets from the player to the service (whole lifetime, including before join)
 * @param packetsOut   packets from the service to the player
 * @param joinedNanos  when the join event fired
 * @param leftNanos    when the leave event fired, or 0 while the player is still playing
 * @param estimated    some of the session's traffic came from sampled flow records (NetFlow/IPFIX/sFlow at a
 *                     rate above 1): its counts, and that it is a player at all, are estimates
 */
public record PlayerSnapshot(String service, Ip address, long firstSeenNanos, long lastSeenNanos,
                             long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                             long joinedNanos, long leftNanos, boolean estimated) {
    /** A player seen in captured packets or unsampled flows: exact counts. */
    public PlayerSnapshot(String service, Ip address, long firstSeenNanos, long lastSeenNanos, long packetsIn, long packetsOut,
                          long bytesIn, long bytesOut, long joinedNanos, long leftNanos) {
        this(service, address, firstSeenNanos, lastSeenNanos, packetsIn, packetsOut, bytesIn, bytesOut, joinedNanos, leftNanos, false);
    }

    public boolean left() {
        return leftNanos != 0;
    }
}
