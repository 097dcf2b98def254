package netwarden.sources.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import org.junit.jupiter.api.Test;

class SecondAccountingTest {
    static final long S = 1_800_000_000L;
    final List<String> out = new ArrayList<>();
    final SecondAccounting acc = new SecondAccounting((p, packets, bytes) -> out.add(describe(p, packets, bytes)));

    static String describe(Packet p, long packets, long bytes) {
        return "v" + p.ipVersion + " " + Proto.name(p.proto) + " " + p.src() + ":" + p.srcPort + " > " + p.dst() + ":" + p.dstPort
                + " flags=" + p.tcpFlags + " payload=" + p.payloadLen + " ts+" + (p.tsNanos - S * 1_000_000_000L) + " x" + packets + " " + bytes + "B";
    }

    /** A flow-map entry as the kernel lays it out. */
    static void flow(SecondAccounting acc, String remote, String local, int port, int proto, boolean out, long packets, long bytes,
                     long syn, long synBytes, long data, int flags, long lastNs) {
        MemorySegment k = MemorySegment.ofArray(new byte[BpfLayout.FLOW_KEY_SIZE]);
        MemorySegment v = MemorySegment.ofArray(new byte[BpfLayout.FLOW_VALUE_SIZE]);
        Ip r = Ip.parse(remote), l = Ip.parse(local);
        k.set(BpfLayout.BE_LONG, BpfLayout.FK_REMOTE, r.hi());
        k.set(BpfLayout.BE_LONG, BpfLayout.FK_REMOTE + 8, r.lo());
        k.set(BpfLayout.BE_LONG, BpfLayout.FK_LOCAL, l.hi());
        k.set(BpfLayout.BE_LONG, BpfLayout.FK_LOCAL + 8, l.lo());
        k.set(BpfLayout.SHORT, BpfLayout.FK_PORT, (short) Math.max(port, 0));
        k.set(ValueLayout.JAVA_BYTE, BpfLayout.FK_PROTO, (byte) proto);
        k.set(ValueLayout.JAVA_BYTE, BpfLayout.FK_FLAGS, (byte) ((out ? BpfLayout.FLAG_OUT : 0) | (port >= 0 ? BpfLayout.FLAG_HAS_PORT : 0)
                | (r.isV4() ? 0 : BpfLayout.FLAG_IPV6)));
        v.set(BpfLayout.LONG, BpfLayout.FV_PACKETS, packets);
        v.set(BpfLayout.LONG, BpfLayout.FV_BYTES, bytes);
        v.set(BpfLayout.LONG, BpfLayout.FV_SYN, syn);
        v.set(BpfLayout.LONG, BpfLayout.FV_SYN_BYTES, synBytes);
        v.set(BpfLayout.LONG, BpfLayout.FV_DATA, data);
        v.set(BpfLayout.LONG, BpfLayout.FV_LAST, lastNs);
        v.set(BpfLayout.INT, BpfLayout.FV_FLAGS, flags);
        acc.flow(k, 0, v, 0);
    }

    static int port(int dir, int cls, int port) {
        return BpfLayout.portKey(dir, cls, port);
    }

    @Test
    void flowsBecomeAggregatesInTheEnginesOrientation() {
        acc.begin(S);
        acc.port(port(0, BpfLayout.CLASS_UDP, 27960), 50, 3000, 0, 0);
        acc.port(port(1, BpfLayout.CLASS_UDP, 27960), 50, 4000, 0, 0);
        long ts = S * 1_000_000_000L + 250;
        flow(acc, "192.0.2.1", "10.0.0.1", 27960, Proto.UDP, false, 50, 3000, 0, 0, 0, 0, ts);
        flow(acc, "192.0.2.1", "10.0.0.1", 27960, Proto.UDP, true, 50, 4000, 0, 0, 0, 0, ts);
        SecondAccounting.Totals t = acc.end();
        assertThat(out).containsExactly(
                "v4 udp 192.0.2.1:-1 > 10.0.0.1:27960 flags=-1 payload=-1 ts+250 x50 3000B",
                "v4 udp 10.0.0.1:27960 > 192.0.2.1:-1 flags=-1 payload=-1 ts+250 x50 4000B");
        assertThat(t).isEqualTo(new SecondAccounting.Totals(100, 7000, 2, 0, 0));
    }

    @Test
    void tcpSynOnlyPacketsFormTheirOwnAggregate() {
        acc.begin(S);
        acc.port(port(0, BpfLayout.CLASS_TCP, 25565), 10, 1000, 3, 180);
        flow(acc, "2001:db8::7", "2001:db8::1", 25565, Proto.TCP, false, 10, 1000, 3, 180, 4,
                Packet.SYN | Packet.ACK | Packet.PSH | Packet.FIN, S * 1_000_000_000L - 5);
        acc.end();
        assertThat(out).containsExactly(
                "v6 tcp 2001:db8::7:-1 > 2001:db8::1:25565 flags=2 payload=0 ts+0 x3 180B",
                "v6 tcp 2001:db8::7:-1 > 2001:db8::1:25565 flags=27 payload=1 ts+0 x7 820B");
    }

    @Test
    void packetsTheFlowMapLostAreChargedToTheServiceWithoutASource() {
        acc.begin(S);
        int key = port(0, BpfLayout.CLASS_UDP, 27960);
        acc.port(key, 1000, 64_000, 0, 0);
        flow(acc, "192.0.2.1", "10.0.0.1", 27960, Proto.UDP, false, 50, 3000, 0, 0, 0, 0, S * 1_000_000_000L);
        SecondAccounting.Totals t = acc.end();
        assertThat(out).containsExactly(
                "v4 udp 192.0.2.1:-1 > 10.0.0.1:27960 flags=-1 payload=-1 ts+0 x50 3000B",
                "v4 udp 10.0.0.1:-1 > 10.0.0.1:27960 flags=-1 payload=-1 ts+999999999 x950 61000B");
        assertThat(t.residualPackets()).isEqualTo(950);

        out.clear();
        acc.begin(S + 1); // every flow evicted: the local address is remembered from the second before
        acc.port(key, 300, 18_000, 0, 0);
        acc.port(port(1, BpfLayout.CLASS_UDP, 9999), 5, 300, 0, 0); // never seen with a flow: cannot be attributed
        acc.port(port(0, BpfLayout.CLASS_NON_IP, 0), 2, 120, 0, 0);
        SecondAccounting.Totals t2 = acc.end();
        assertThat(out).containsExactlyInAnyOrder(
                "v4 udp 10.0.0.1:-1 > 10.0.0.1:27960 flags=-1 payload=-1 ts+1999999999 x300 18000B",
                "v0 proto--1 :::-1 > :::-1 flags=-1 payload=-1 ts+1999999999 x2 120B"); // non-IP: engine totals only
        assertThat(t2).isEqualTo(new SecondAccounting.Totals(307, 18_420, 0, 302, 5));
    }

    @Test
    void residualSynPacketsStaySynOnly() {
        acc.begin(S);
        acc.port(port(0, BpfLayout.CLASS_TCP, 80), 5, 300, 5, 300);
        flow(acc, "192.0.2.9", "10.0.0.1", 80, Proto.TCP, false, 1, 60, 1, 60, 0, Packet.SYN, S * 1_000_000_000L);
        acc.end();
        assertThat(out).containsExactly(
                "v4 tcp 192.0.2.9:-1 > 10.0.0.1:80 flags=2 payload=0 ts+0 x1 60B",
                "v4 tcp 10.0.0.1:-1 > 10.0.0.1:80 flags=2 payload=0 ts+999999999 x4 240B");
    }
}
