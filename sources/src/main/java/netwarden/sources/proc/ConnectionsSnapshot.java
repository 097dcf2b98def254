package netwarden.sources.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netwarden.model.Ip;
import netwarden.model.Proto;

/**
 * The host's connections at one moment, from the socket tables: immutable, safe to share.
 *
 * @param tsNanos     when the tables were read
 * @param connections established TCP connections and connected UDP sockets, inbound ones (whose
 *                    local port has a listener) and outbound ones alike
 */
public record ConnectionsSnapshot(long tsNanos, List<Connection> connections) {
    public static final ConnectionsSnapshot EMPTY = new ConnectionsSnapshot(0, List.of());

    public ConnectionsSnapshot {
        connections = List.copyOf(connections);
    }

    /** One connection; {@code inbound} when a local listener accepted it (the local side is a service). */
    public record Connection(int proto, Ip local, int localPort, Ip remote, int remotePort, boolean inbound) {}

    /** How many connections one remote address holds. */
    public record RemoteCount(Ip remote, int tcp, int udp) {
        public int total() {
            return tcp + udp;
        }
    }

    /** Connections grouped by remote address (ordered by address), for per-country views. */
    public List<RemoteCount> byRemote() {
        Map<Ip, int[]> counts = new TreeMap<>();
        for (Connection c : connections) {
            int[] n = counts.computeIfAbsent(c.remote(), r -> new int[2]);
            n[c.proto() == Proto.TCP ? 0 : 1]++;
        }
        var out = new ArrayList<RemoteCount>(counts.size());
        counts.forEach((ip, n) -> out.add(new RemoteCount(ip, n[0], n[1])));
        return out;
    }
}
