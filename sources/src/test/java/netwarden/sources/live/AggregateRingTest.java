package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Packet;
import org.junit.jupiter.api.Test;

class AggregateRingTest {
    @Test
    void carriesEveryFieldTheEngineReads() {
        AggregateRing ring = new AggregateRing(8, new CaptureCounters("ebpf", "eth0"), () -> {});
        Packet in = new Packet();
        in.tsNanos = 123_456_789L;
        in.ipVersion = 6;
        in.proto = 6;
        Ip src = Ip.parse("2001:db8::1"), dst = Ip.parse("2001:db8::2");
        in.srcHi = src.hi(); in.srcLo = src.lo(); in.dstHi = dst.hi(); in.dstLo = dst.lo();
        in.srcPort = -1;
        in.dstPort = 65535;
        in.tcpFlags = Packet.SYN;
        in.payloadLen = 0;
        assertThat(ring.offer(in, 7, 700)).isTrue();
        in.proto = 17;
        in.tcpFlags = -1;
        in.payloadLen = -1;
        in.srcPort = 27960;
        in.dstPort = -1;
        assertThat(ring.offer(in, 1, 60)).isTrue();
        List<String> out = new ArrayList<>();
        ring.drain(new Packet(), (p, packets, bytes) -> out.add(p.tsNanos + " " + p.ipVersion + " " + p.proto + " " + p.src() + ":"
                + p.srcPort + " " + p.dst() + ":" + p.dstPort + " " + p.tcpFlags + " " + p.payloadLen + " " + packets + " " + bytes
                + " " + p.wireLen), 10);
        assertThat(out).containsExactly("123456789 6 6 2001:db8::1:-1 2001:db8::2:65535 2 0 7 700 100",
                "123456789 6 17 2001:db8::1:27960 2001:db8::2:-1 -1 -1 1 60 60");
    }

    @Test
    void aFullRingDropsTheAggregateAndCountsItsPackets() {
        CaptureCounters c = new CaptureCounters("ebpf", "eth0");
        AggregateRing ring = new AggregateRing(4, c, () -> {});
        Packet p = new Packet();
        for (int i = 0; i < 4; i++) assertThat(ring.offer(p, 10, 100)).isTrue();
        assertThat(ring.offer(p, 25, 100)).isFalse();
        assertThat(c.drops(CaptureCounters.HANDOFF)).isEqualTo(25);
        assertThat(ring.drain(p, (x, n, b) -> {}, 2)).isEqualTo(2);
        assertThat(ring.offer(p, 1, 1)).isTrue();
    }
}
