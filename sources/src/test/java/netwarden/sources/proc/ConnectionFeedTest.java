package netwarden.sources.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Proto;
import org.junit.jupiter.api.Test;

class ConnectionFeedTest {
    static final long S = 1_800_000_000L;

    static SocketEntry tcp(String local, int lport, String remote, int rport, int state) {
        return new SocketEntry(Proto.TCP, Ip.parse(local), lport, Ip.parse(remote), rport, state);
    }

    @Test
    void inboundConnectionsAreFedBothWaysAndEndWithAFin() {
        List<String> out = new ArrayList<>();
        ConnectionFeed feed = new ConnectionFeed((p, packets, bytes) -> out.add(p.src() + ":" + p.srcPort + ">" + p.dst() + ":" + p.dstPort
                + " f" + p.tcpFlags + " d" + p.payloadLen + " x" + packets + " " + bytes + "B s" + (p.tsNanos / 1_000_000_000L - S)));
        List<SocketEntry> open = List.of(
                tcp("0.0.0.0", 25565, "0.0.0.0", 0, SocketEntry.LISTEN),
                tcp("10.0.0.1", 25565, "192.0.2.5", 40000, SocketEntry.ESTABLISHED),
                tcp("10.0.0.1", 50000, "198.51.100.1", 443, SocketEntry.ESTABLISHED), // this host is the client
                tcp("10.0.0.1", 25565, "192.0.2.6", 40001, 6)); // TIME_WAIT: not established
        ConnectionsSnapshot snap = feed.reading(S, 7, open);
        assertThat(out).containsExactly("192.0.2.5:40000>10.0.0.1:25565 f24 d1 x1 0B s0", "10.0.0.1:25565>192.0.2.5:40000 f24 d1 x1 0B s0");
        assertThat(snap.connections()).hasSize(2);
        assertThat(snap.connections()).filteredOn(ConnectionsSnapshot.Connection::inbound).hasSize(1);
        assertThat(snap.byRemote()).containsExactly(new ConnectionsSnapshot.RemoteCount(Ip.parse("192.0.2.5"), 1, 0),
                new ConnectionsSnapshot.RemoteCount(Ip.parse("198.51.100.1"), 1, 0));
        assertThat(snap.tsNanos()).isEqualTo(7);

        out.clear();
        feed.reading(S + 1, 8, List.of(open.get(0)));
        assertThat(out).containsExactly("192.0.2.5:40000>10.0.0.1:25565 f17 d0 x1 0B s1");
        out.clear();
        feed.reading(S + 2, 9, List.of(open.get(0)));
        assertThat(out).isEmpty();
    }

    @Test
    void connectedUdpPeersOfAServerPortAreFedWithoutTcpFlags() {
        List<String> out = new ArrayList<>();
        ConnectionFeed feed = new ConnectionFeed((p, packets, bytes) -> out.add(Proto.name(p.proto) + " " + p.src() + ">" + p.dst() + ":"
                + p.dstPort + " f" + p.tcpFlags));
        feed.reading(S, 0, List.of(
                new SocketEntry(Proto.UDP, Ip.parse("::"), 27960, Ip.parse("::"), 0, SocketEntry.CLOSE),
                new SocketEntry(Proto.UDP, Ip.parse("2001:db8::1"), 27960, Ip.parse("2001:db8::9"), 5000, SocketEntry.ESTABLISHED)));
        assertThat(out).containsExactly("udp 2001:db8::9>2001:db8::1:27960 f-1", "udp 2001:db8::1>2001:db8::9:5000 f-1");
    }
}
