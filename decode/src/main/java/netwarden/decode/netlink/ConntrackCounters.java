package netwarden.decode.netlink;

/** Packets and bytes (IP header included) one direction of a connection carried so far. */
public record ConntrackCounters(long packets, long bytes) {}
