package netwarden.model.router;

import java.util.Objects;
import netwarden.model.Ip;

/**
 * One finished connection of a LAN device, from conntrack: the device (the LAN side), the remote and its port,
 * the IP protocol, packets and bytes each way (out = device to remote; 0 without conntrack accounting), the
 * domain the remote was last answered for ({@code null} when none; a salted hash with hashed names), and when it
 * started and ended. {@code port} is -1 for protocols without ports.
 */
public record Connection(Ip device, Ip remote, int proto, int port, long packetsOut, long bytesOut, long packetsIn,
                         long bytesIn, String domain, long firstSeenNanos, long lastSeenNanos) {
    public Connection {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(remote, "remote");
    }
}
