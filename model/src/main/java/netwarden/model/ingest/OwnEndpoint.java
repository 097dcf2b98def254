package netwarden.model.ingest;

import java.util.Objects;
import netwarden.model.Ip;
import netwarden.model.Packet;

/**
 * A conversation netwarden itself holds (a game query from {@code localPort} to {@code remote}:{@code remotePort}):
 * its packets, both ways, are neither a player nor a source of the service they reach.
 */
public record OwnEndpoint(int proto, int localPort, Ip remote, int remotePort) {
    public OwnEndpoint {
        Objects.requireNonNull(remote, "remote");
        if (localPort < 1 || localPort > 65_535 || remotePort < 1 || remotePort > 65_535)
            throw new IllegalArgumentException("ports must be 1..65535: " + localPort + ", " + remotePort);
    }

    /** Whether {@code p} goes from this local port to the remote, or back. */
    public boolean matches(Packet p) {
        if (p.proto != proto) return false;
        if (p.srcPort == localPort && p.dstPort == remotePort) return p.dstHi == remote.hi() && p.dstLo == remote.lo();
        if (p.dstPort == localPort && p.srcPort == remotePort) return p.srcHi == remote.hi() && p.srcLo == remote.lo();
        return false;
    }
}
