package netwarden.sources.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;

/**
 * Turns one reading of the socket tables into engine aggregates and a {@link ConnectionsSnapshot}.
 *
 * <p>The socket tables hold no packet counts, so the proc source speaks in connection-seconds:
 * every inbound connection (its local port has a listener) yields, per reading, one "packet"
 * (0 bytes) from the peer to the service and one back, both marked as carrying payload. That is
 * what the engine's TCP player rule asks for (data both ways on an open connection, for
 * join-after), so an established TCP peer becomes a player after join-after and leaves when its
 * connection disappears: the feed then sends one FIN, which ends the player at once. Connected UDP
 * peers feed services and sources the same way, but at one "packet" per second they stay below
 * the UDP player floors. Outbound connections (this host is the client) are listed in the snapshot
 * only.
 */
final class ConnectionFeed {
    interface Out {
        boolean offer(Packet p, long packets, long bytes);
    }

    private record Key(int proto, Ip local, int localPort, Ip remote, int remotePort) {}

    private final Out out;
    private final Packet p = new Packet();
    private Set<Key> previous = new HashSet<>();

    ConnectionFeed(Out out) {
        this.out = out;
    }

    /** Feeds one reading taken just after {@code epochSecond} ended. */
    ConnectionsSnapshot reading(long epochSecond, long readAtNanos, List<SocketEntry> sockets) {
        long ts = epochSecond * Times.NANOS_PER_SECOND + Times.NANOS_PER_SECOND - 1;
        Map<Integer, Set<Integer>> listening = new HashMap<>();
        for (SocketEntry s : sockets) if (s.listening()) listening.computeIfAbsent(s.proto(), x -> new HashSet<>()).add(s.localPort());
        var connections = new ArrayList<ConnectionsSnapshot.Connection>();
        Set<Key> current = new HashSet<>();
        for (SocketEntry s : sockets) {
            if (!s.connected()) continue;
            boolean inbound = listening.getOrDefault(s.proto(), Set.of()).contains(s.localPort());
            connections.add(new ConnectionsSnapshot.Connection(s.proto(), s.local(), s.localPort(), s.remote(), s.remotePort(), inbound));
            if (!inbound) continue;
            Key k = new Key(s.proto(), s.local(), s.localPort(), s.remote(), s.remotePort());
            if (!current.add(k)) continue;
            int flags = s.proto() == Proto.TCP ? Packet.ACK | Packet.PSH : -1;
            emit(k, ts, true, flags, 1);
            emit(k, ts, false, flags, 1);
        }
        for (Key gone : previous) {
            if (gone.proto() == Proto.TCP && !current.contains(gone)) emit(gone, ts, true, Packet.FIN | Packet.ACK, 0);
        }
        previous = current;
        return new ConnectionsSnapshot(readAtNanos, connections);
    }

    private void emit(Key k, long ts, boolean inbound, int tcpFlags, int payload) {
        p.reset();
        p.tsNanos = ts;
        p.ipVersion = k.local().isV4() && k.remote().isV4() ? 4 : 6;
        p.proto = k.proto();
        Ip src = inbound ? k.remote() : k.local(), dst = inbound ? k.local() : k.remote();
        p.srcHi = src.hi();
        p.srcLo = src.lo();
        p.dstHi = dst.hi();
        p.dstLo = dst.lo();
        p.srcKnown = true;
        p.srcPort = inbound ? k.remotePort() : k.localPort();
        p.dstPort = inbound ? k.localPort() : k.remotePort();
        p.tcpFlags = tcpFlags;
        p.payloadLen = tcpFlags < 0 ? -1 : payload;
        out.offer(p, 1, 0);
    }
}
