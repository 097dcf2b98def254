package netwarden.engine.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.TrafficRow;
import org.junit.jupiter.api.Test;

class TrafficTableTest {
    /** A decoded-looking packet; the table reads only what a decoder fills. */
    static Packet packet(int version, int proto, int dstPort, String src, int wire, int cap, int ipBytes) {
        Packet p = new Packet();
        p.ipVersion = version;
        p.proto = proto;
        p.dstPort = dstPort;
        if (src != null) {
            Ip ip = Ip.parse(src);
            p.srcHi = ip.hi();
            p.srcLo = ip.lo();
            p.srcKnown = true;
        }
        p.wireLen = wire;
        p.capLen = cap;
        p.ipBytes = ipBytes;
        return p;
    }

    @Test
    void groupsByVersionProtocolAndPortWithExactTotals() {
        TrafficTable t = new TrafficTable();
        t.add(packet(4, 17, 27960, "10.0.0.1", 100, 100, 86));
        t.add(packet(4, 17, 27960, "10.0.0.2", 120, 100, 106));
        t.add(packet(4, 17, 27960, "10.0.0.1", 60, 60, 46));
        Packet syn = packet(4, 6, 25565, "10.9.0.1", 60, 54, 40);
        syn.tcpFlags = Packet.SYN;
        t.add(syn);
        Packet synAck = packet(4, 6, 25565, "10.9.0.1", 60, 54, 40);
        synAck.tcpFlags = Packet.SYN | Packet.ACK;
        t.add(synAck);
        t.add(packet(6, 58, -1, "fe80::1", 90, 90, 76));
        t.add(packet(0, -1, -1, null, 42, 42, 0));
        Packet first = packet(4, 17, 53, "192.0.2.53", 1514, 1514, 1500);
        first.fragment = Packet.FRAG_FIRST;
        t.add(first);
        Packet later = packet(4, 17, -1, "192.0.2.53", 600, 600, 586);
        later.fragment = Packet.FRAG_LATER;
        t.add(later);

        assertThat(t.rows()).containsExactly(
                new TrafficRow(4, 6, 25565, 2, 120, 108, 80, 1, 1, 0, 0),
                new TrafficRow(4, 17, -1, 1, 600, 600, 586, 1, 0, 0, 1),
                new TrafficRow(4, 17, 53, 1, 1514, 1514, 1500, 1, 0, 1, 0),
                new TrafficRow(4, 17, 27960, 3, 280, 260, 238, 2, 0, 0, 0),
                new TrafficRow(6, 58, -1, 1, 90, 90, 76, 1, 0, 0, 0),
                new TrafficRow(0, -1, -1, 1, 42, 42, 0, 0, 0, 0, 0));
        assertThat(t.rowCount()).isEqualTo(6);
    }

    @Test
    void bogusIpHeadersFormTheirOwnRowWithoutSources() {
        TrafficTable t = new TrafficTable();
        t.add(packet(4, -1, -1, null, 60, 60, 0));
        t.add(packet(4, -1, -1, null, 62, 62, 12));
        t.add(packet(4, 0, -1, "0.0.0.0", 60, 60, 40)); // protocol 0 is a real protocol number
        assertThat(t.rows()).containsExactly(
                new TrafficRow(4, -1, -1, 2, 122, 122, 12, 0, 0, 0, 0),
                new TrafficRow(4, 0, -1, 1, 60, 60, 40, 1, 0, 0, 0));
    }

    @Test
    void totalsFollowFileOrderAndTimeOrderSeparately() {
        TrafficTable t = new TrafficTable();
        assertThat(t.totals()).isEqualTo(new CaptureTotals(0, 0, 0, 0, 0, 0, 0));
        long[] times = {500, 100, 900, 300};
        for (long ts : times) {
            Packet p = packet(ts == 100 ? 0 : 4, ts == 100 ? -1 : 17, 1, "10.0.0.1", 100, ts == 900 ? 68 : 100, 80);
            p.tsNanos = ts;
            t.add(p);
        }
        CaptureTotals c = t.totals();
        assertThat(c).isEqualTo(new CaptureTotals(4, 1, 1, 500, 300, 100, 900));
        assertThat(c.spanNanos()).isEqualTo(800);
    }

    @Test
    void captureTotalsRejectInconsistentCounts() {
        assertThatThrownBy(() -> new CaptureTotals(1, 2, 0, 0, 0, 0, 0)).hasMessageContaining("nonIp=2");
        assertThatThrownBy(() -> new CaptureTotals(1, 0, 0, 0, 0, 9, 1)).hasMessageContaining("minTsNanos 9");
    }

    @Test
    void staysExactWithManyRowsAndManySources() {
        TrafficTable t = new TrafficTable();
        Map<Integer, Set<Ip>> reference = new HashMap<>();
        Map<Integer, Long> packets = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        Packet p = new Packet();
        for (int i = 0; i < 400_000; i++) {
            int port = random.nextInt(4) == 0 ? random.nextInt(3000) : 27015; // one hot row, thousands of cold ones
            Ip src = Ip.ofV4(random.nextInt(120_000));
            p.ipVersion = 4;
            p.proto = 17;
            p.dstPort = port;
            p.srcHi = src.hi();
            p.srcLo = src.lo();
            p.srcKnown = true;
            p.wireLen = p.capLen = 60;
            t.add(p);
            reference.computeIfAbsent(port, k -> new HashSet<>()).add(src);
            packets.merge(port, 1L, Long::sum);
        }
        List<TrafficRow> rows = t.rows();
        assertThat(rows).hasSize(reference.size());
        for (TrafficRow r : rows) {
            assertThat(r.uniqueSources()).as("port %d", r.dstPort()).isEqualTo(reference.get(r.dstPort()).size());
            assertThat(r.packets()).isEqualTo(packets.get(r.dstPort()));
            assertThat(r.wireBytes()).isEqualTo(60 * r.packets());
        }
        assertThat(rows).extracting(TrafficRow::dstPort).isSorted();
    }

    @Test
    void keysCoverTheWholeRangeOfEachField() {
        TrafficTable t = new TrafficTable();
        t.add(packet(6, 255, 65535, "::2", 1, 1, 1));
        t.add(packet(6, 0, 0, "::3", 1, 1, 1));
        t.add(packet(4, 255, -1, "1.2.3.4", 1, 1, 1));
        assertThat(t.rows()).extracting(r -> List.of(r.ipVersion(), r.proto(), r.dstPort()))
                .containsExactly(List.of(4, 255, -1), List.of(6, 0, 0), List.of(6, 255, 65535));
    }
}
