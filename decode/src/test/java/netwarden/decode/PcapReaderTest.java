package netwarden.decode;

import static netwarden.testkit.Frames.ETH_IPV4;
import static netwarden.testkit.Frames.TCP;
import static netwarden.testkit.Frames.UDP;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Packet;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed classic pcap in all its forms. */
class PcapReaderTest {
    static final long T0 = 1_700_000_000_123_456_789L;
    static final byte[] UDP_FRAME = Frames.ethernet(ETH_IPV4,
            Frames.ipv4("10.0.0.1", "10.0.0.2").packet(UDP, Frames.udp(1111, 27960, new byte[30])));
    static final byte[] TCP_FRAME = Frames.ethernet(ETH_IPV4,
            Frames.ipv4("10.0.0.3", "10.0.0.2").packet(TCP, Frames.tcp(2222, 25565, Packet.SYN, new byte[0], new byte[200])));

    static CaptureReader open(byte[] file) throws DecodeException {
        return CaptureReader.open(MemorySegment.ofArray(file));
    }

    record Seen(long ts, int wireLen, int capLen, int dstPort, int linkType, int iface) {}

    static List<Seen> readAll(CaptureReader r) throws DecodeException {
        List<Seen> out = new ArrayList<>();
        Packet p = new Packet();
        while (r.next(p)) out.add(new Seen(p.tsNanos, p.wireLen, p.capLen, p.dstPort, p.linkType, p.iface));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false, LITTLE_ENDIAN, pcap", "false, BIG_ENDIAN, pcap", "true, LITTLE_ENDIAN, pcap-ns", "true, BIG_ENDIAN, pcap-ns"})
    void readsBothResolutionsInBothByteOrders(boolean nanos, String order, String format) throws Exception {
        ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = new PcapWriter(nanos, byteOrder, LinkType.ETHERNET, 65535)
                .record(T0, UDP_FRAME).record(T0 + 1_500_000_000L, TCP_FRAME).toByteArray();
        CaptureReader r = open(file);
        assertThat(r.format()).isEqualTo(format);
        assertThat(r.linkTypes()).containsExactly(1);
        long tsUnit = nanos ? 1 : 1000;
        assertThat(readAll(r)).containsExactly(
                new Seen(T0 / tsUnit * tsUnit, UDP_FRAME.length, UDP_FRAME.length, 27960, 1, 0),
                new Seen((T0 + 1_500_000_000L) / tsUnit * tsUnit, TCP_FRAME.length, TCP_FRAME.length, 25565, 1, 0));
        assertThat(r.recordNumber()).isEqualTo(2);
        assertThat(r.position()).isEqualTo(file.length);
    }

    @Test
    void snaplenCutRecordsKeepTheWireLength() throws Exception {
        byte[] cut = Frames.cut(TCP_FRAME, 68);
        CaptureReader r = open(new PcapWriter(false, ByteOrder.LITTLE_ENDIAN, LinkType.ETHERNET, 68)
                .record(T0, cut, TCP_FRAME.length).toByteArray());
        Packet p = new Packet();
        assertThat(r.next(p)).isTrue();
        assertThat(p.wireLen).isEqualTo(TCP_FRAME.length);
        assertThat(p.capLen).isEqualTo(68);
        assertThat(p.truncated()).isTrue();
        assertThat(p.dstPort).isEqualTo(25565);
        assertThat(p.ipBytes).isEqualTo(20 + 20 + 200);
        assertThat(r.frame().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).isEqualTo(cut);
        assertThat(r.next(p)).isFalse();
    }

    @Test
    void emptyCaptureHasNoRecords() throws Exception {
        CaptureReader r = open(PcapWriter.micros(LinkType.LINUX_SLL).toByteArray());
        assertThat(r.next(new Packet())).isFalse();
        assertThat(r.linkTypes()).containsExactly(113);
        assertThat(r.recordNumber()).isZero();
        assertThat(r.position()).isEqualTo(24);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1000_0001, 0x2400_0001, 0x0400_0001})
    void linkTypeIgnoresTheFcsBits(int field) throws Exception {
        // 0x24000001: Ethernet, FCS present (bit 26), 2 x 16 bits of it (bits 28-31), as libpcap writes.
        byte[] withFcs = Frames.concat(UDP_FRAME, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        CaptureReader r = open(new PcapWriter(false, ByteOrder.LITTLE_ENDIAN, field, 65535).record(T0, withFcs).toByteArray());
        assertThat(r.linkTypes()).containsExactly(1);
        Packet p = new Packet();
        assertThat(r.next(p)).isTrue();
        assertThat(p.linkType).isEqualTo(1);
        assertThat(p.dstPort).as("the FCS is only bytes past the IP datagram").isEqualTo(27960);
        assertThat(p.ipBytes).isEqualTo(UDP_FRAME.length - 14);
        assertThat(p.payloadLen).isEqualTo(30);
    }

    @Test
    void secondsAreUnsigned() throws Exception {
        byte[] file = PcapWriter.micros(LinkType.ETHERNET).rawRecord(0xF000_0000L, 5, UDP_FRAME.length, UDP_FRAME.length, UDP_FRAME)
                .toByteArray();
        Packet p = new Packet();
        open(file).next(p);
        assertThat(p.tsNanos).isEqualTo(0xF000_0000L * 1_000_000_000L + 5000);
    }

    @Test
    void oldVersionsStoreTheLengthsSwapped() throws Exception {
        byte[] cut = Frames.cut(TCP_FRAME, 60);
        byte[] file = PcapWriter.micros(LinkType.ETHERNET).rawRecord(1, 0, TCP_FRAME.length, 60, cut).toByteArray();
        file[6] = 2; // version 2.2: orig_len comes first
        Packet p = new Packet();
        assertThat(open(file).next(p)).isTrue();
        assertThat(p.capLen).isEqualTo(60);
        assertThat(p.wireLen).isEqualTo(TCP_FRAME.length);
        file[6] = 3; // 2.3: swapped only when the captured length would exceed the original
        Packet q = new Packet();
        assertThat(open(file).next(q)).isTrue();
        assertThat(q.capLen).isEqualTo(60);
    }

    @Test
    void redHat61ModifiedHeadersUnderTheStandardMagic() throws Exception {
        // ss990417 records: the usual 16 bytes plus ifindex, protocol, packet type, pad (24 bytes).
        PcapWriter w = PcapWriter.micros(LinkType.ETHERNET);
        byte[] extra = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(2).u16(0x0800).u8(0).u8(0).toByteArray();
        for (int i = 0; i < 3; i++) {
            w.rawRecord(1_700_000_000L + i, 250_000, UDP_FRAME.length, UDP_FRAME.length, Frames.concat(extra, UDP_FRAME));
        }
        CaptureReader r = open(w.toByteArray());
        List<Seen> seen = readAll(r);
        assertThat(seen).hasSize(3).allSatisfy(s -> assertThat(s.dstPort()).isEqualTo(27960));
        assertThat(seen.get(2).ts()).isEqualTo(1_700_000_002_250_000_000L);
        assertThat(r.format()).isEqualTo("pcap");
    }

    @Test
    void variantWithMoreCompleteRecordsBeatsAStandardReadingCutShort() throws Exception {
        // Read as standard, record 2's header is the last 8 zero bytes of record 1 plus the real
        // record 2's seconds and microseconds: plausible, but its data runs past the end of the
        // file. A cut record is no evidence against a layout, yet 24-byte headers read both records.
        PcapWriter w = PcapWriter.micros(LinkType.ETHERNET);
        byte[] extra = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(2).u16(0x0800).u8(0).u8(0).toByteArray();
        for (int i = 0; i < 2; i++) w.rawRecord(100, 500_000, UDP_FRAME.length, UDP_FRAME.length, Frames.concat(extra, UDP_FRAME));
        CaptureReader r = open(w.toByteArray());
        assertThat(readAll(r)).hasSize(2).allSatisfy(s -> assertThat(s.dstPort()).isEqualTo(27960));
    }

    @Test
    void modifiedMagicWith28ByteHeaders() throws Exception {
        PcapWriter w = PcapWriter.micros(LinkType.ETHERNET);
        byte[] extra = new byte[12];
        java.util.Arrays.fill(extra, (byte) 0xff);
        for (int i = 0; i < 2; i++) w.rawRecord(100 + i, 0, UDP_FRAME.length, UDP_FRAME.length, Frames.concat(extra, UDP_FRAME));
        byte[] file = w.toByteArray();
        file[0] = 0x34; // magic a1b2cd34, little-endian
        file[1] = (byte) 0xcd;
        List<Seen> seen = readAll(open(file));
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s.dstPort()).isEqualTo(27960));
    }

    @Test
    void frameIsAViewOfTheCurrentRecord() throws Exception {
        CaptureReader r = open(PcapWriter.micros(LinkType.ETHERNET).record(T0, UDP_FRAME).record(T0, TCP_FRAME).toByteArray());
        Packet p = new Packet();
        r.next(p);
        assertThat(r.frameOffset()).isEqualTo(40);
        assertThat(r.frame().byteSize()).isEqualTo(UDP_FRAME.length);
        r.next(p);
        assertThat(r.frame().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).isEqualTo(TCP_FRAME);
        assertThat(r.next(p)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(r::frame).isInstanceOf(IllegalStateException.class);
    }
}
