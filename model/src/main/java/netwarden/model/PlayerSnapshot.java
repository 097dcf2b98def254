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
 */
public record PlayerSnapshot(String service, Ip address, long firstSeenNanos, long lastSeenNanos,
                             long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                             long joinedNanos, long leftNanos) {
    public boolean left() {
        return leftNanos != 0;
    }
}
