package netwarden.decode;

import static netwarden.decode.PcapReaderTest.TCP_FRAME;
import static netwarden.decode.PcapReaderTest.UDP_FRAME;
import static netwarden.decode.PcapReaderTest.open;
import static netwarden.decode.PcapReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.List;
import netwarden.decode.PcapReaderTest.Seen;
import netwarden.model.Packet;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed pcapng: interfaces, resolutions, sections, every packet block type. */
class PcapngReaderTest {
    static final long T0 = 1_700_000_000_123_456_789L;
    static final int IF_TSOFFSET = 14;
    static final byte[] RAW_V4 = Frames.ipv4("10.9.9.9", "10.0.0.2").packet(Frames.UDP, Frames.udp(9, 7777, new byte[5]));

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void interfacesWithDifferentResolutionsAndLinkTypes(String order) throws Exception {
        PcapngWriter w = new PcapngWriter().section(order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkType.ETHERNET, 65535)          // 0: default microseconds
                .interfaceBlock(LinkType.RAW, 65535, 9)             // 1: nanoseconds
                .interfaceBlock(LinkType.ETHERNET, 0, 0x80 | 20)    // 2: 2^-20 s
                .interfaceBlock(LinkType.LINUX_SLL, 0, 3);          // 3: milliseconds
        w.enhancedPacket(0, T0, UDP_FRAME).enhancedPacket(1, T0, RAW_V4).enhancedPacket(2, T0, TCP_FRAME)
                .enhancedPacket(3, T0, Frames.sll(Frames.ETH_IPV4, RAW_V4));
        CaptureReader r = open(w.toByteArray());
        assertThat(r.format()).isEqualTo("pcapng");
        assertThat(r.linkTypes()).containsExactly(1, 101, 1, 113);
        List<Seen> seen = readAll(r);
        long frac20 = ((T0 % 1_000_000_000L) << 20) / 1_000_000_000L; // what the writer stored
        long pow2Nanos = T0 / 1_000_000_000L * 1_000_000_000L + ((frac20 * 1_000_000_000L) >> 20);
        assertThat(seen).containsExactly(
                new Seen(T0 / 1000 * 1000, UDP_FRAME.length, UDP_FRAME.length, 27960, 1, 0),
                new Seen(T0, RAW_V4.length, RAW_V4.length, 7777, 101, 1),
                new Seen(pow2Nanos, TCP_FRAME.length, TCP_FRAME.length, 25565, 1, 2),
                new Seen(T0 / 1_000_000 * 1_000_000, RAW_V4.length + 16, RAW_V4.length + 16, 7777, 113, 3));
        assertThat(pow2Nanos).isCloseTo(T0, org.assertj.core.data.Offset.offset(1000L));
    }

    @Test
    void newSectionRestartsInterfaceIdsAndMaySwapByteOrder() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 65535)
                .enhancedPacket(0, T0, UDP_FRAME)
                .section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.RAW, 65535, 9).interfaceBlock(LinkType.ETHERNET, 65535)
                .enhancedPacket(0, T0 + 1, RAW_V4).enhancedPacket(1, T0 + 2, TCP_FRAME);
        CaptureReader r = open(w.toByteArray());
        List<Seen> seen = readAll(r);
        assertThat(seen).extracting(Seen::linkType).containsExactly(1, 101, 1);
        assertThat(seen).extracting(Seen::iface).as("global interface index").containsExactly(0, 1, 2);
        assertThat(seen).extracting(Seen::dstPort).containsExactly(27960, 7777, 25565);
        assertThat(seen.get(1).ts()).isEqualTo(T0 + 1);
        assertThat(r.linkTypes()).containsExactly(1, 101, 1);
    }

    @Test
    void simplePacketBlockTakesTheCapturedLengthFromTheSnaplen() throws Exception {
        byte[] cut = Frames.cut(TCP_FRAME, 64);
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 64)
                .simplePacket(cut, TCP_FRAME.length).simplePacket(Frames.cut(UDP_FRAME, 64), UDP_FRAME.length);
        List<Seen> seen = readAll(open(w.toByteArray()));
        assertThat(seen).containsExactly(
                new Seen(0, TCP_FRAME.length, 64, 25565, 1, 0),
                new Seen(0, UDP_FRAME.length, Math.min(64, UDP_FRAME.length), 27960, 1, 0));
    }

    @Test
    void simplePacketTakesThePreviousPacketsTimeInItsSection() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 0)
                .interfaceBlock(LinkType.RAW, 0, 9);
        w.simplePacket(UDP_FRAME, UDP_FRAME.length).enhancedPacket(1, T0, RAW_V4).simplePacket(UDP_FRAME, UDP_FRAME.length);
        w.obsoletePacket(1, w.units(1, T0 + 7), RAW_V4, RAW_V4.length).simplePacket(UDP_FRAME, UDP_FRAME.length);
        w.section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.ETHERNET, 0).simplePacket(UDP_FRAME, UDP_FRAME.length);
        assertThat(readAll(open(w.toByteArray()))).extracting(Seen::ts).containsExactly(0L, T0, T0, T0 + 7, T0 + 7, 0L);
    }

    /** An IDB with if_tsoffset (option 14, 8 bytes) and, when {@code tsresol >= 0}, if_tsresol. */
    static byte[] interfaceWithOffset(ByteOrder order, int linkType, long offsetSeconds, int tsresol) {
        ByteWriter body = new ByteWriter(order).u16(linkType).u16(0).u32(0);
        body.u16(IF_TSOFFSET).u16(8).u64(offsetSeconds);
        if (tsresol >= 0) body.u16(9).u16(1).u8(tsresol).pad(4);
        return body.u16(0).u16(0).toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void timestampOffsetIsAddedPerInterface(String order) throws Exception {
        ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        PcapngWriter w = new PcapngWriter().section(byteOrder)
                .block(PcapngWriter.IDB, interfaceWithOffset(byteOrder, LinkType.ETHERNET, 1000, -1))
                .block(PcapngWriter.IDB, interfaceWithOffset(byteOrder, LinkType.RAW, -1_000_000_000L, 9))
                .interfaceBlock(LinkType.RAW, 0, 9);
        w.enhancedPacket(0, 5_250_000L, UDP_FRAME, UDP_FRAME.length)   // 5.25 s in microseconds
                .enhancedPacket(1, T0, RAW_V4, RAW_V4.length)          // nanoseconds
                .enhancedPacket(2, T0, RAW_V4, RAW_V4.length)          // no offset
                .simplePacket(UDP_FRAME, UDP_FRAME.length);            // the previous packet's time
        w.obsoletePacket(0, 750_000L, UDP_FRAME, UDP_FRAME.length);
        assertThat(readAll(open(w.toByteArray()))).extracting(Seen::ts).containsExactly(
                1_005_250_000_000L, T0 - 1_000_000_000_000_000_000L, T0, T0, 1_000_750_000_000L);
    }

    @Test
    void simplePacketWithoutSnaplenCapturesEverything() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.RAW, 0)
                .simplePacket(RAW_V4, RAW_V4.length);
        assertThat(readAll(open(w.toByteArray()))).containsExactly(new Seen(0, RAW_V4.length, RAW_V4.length, 7777, 101, 0));
    }

    @Test
    void obsoletePacketBlock() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 65535)
                .interfaceBlock(LinkType.RAW, 65535, 9);
        w.obsoletePacket(1, w.units(1, T0), RAW_V4, 1000);
        assertThat(readAll(open(w.toByteArray()))).containsExactly(new Seen(T0, 1000, RAW_V4.length, 7777, 101, 1));
    }

    @Test
    void unknownAndUnneededBlocksAreSkippedAndCounted() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .block(4, new byte[] {0, 0, 0, 0})              // name resolution block
                .interfaceBlock(LinkType.ETHERNET, 65535)
                .block(0x0BAD, new byte[] {1, 2, 3, 4, 5})       // custom block, odd body length padded
                .enhancedPacket(0, T0, UDP_FRAME)
                .block(5, new byte[20])                          // interface statistics
                .block(0x7777, new byte[0]);
        CaptureReader r = open(w.toByteArray());
        assertThat(readAll(r)).hasSize(1);
        assertThat(r.skippedBlocks()).isEqualTo(4);
        assertThat(r.position()).isEqualTo(w.size());
    }

    @Test
    void linkTypesAreKnownRightAfterOpen() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET, 0)
                .interfaceBlock(LinkType.LINUX_SLL2, 0).enhancedPacket(0, T0, UDP_FRAME).interfaceBlock(LinkType.RAW, 0);
        CaptureReader r = open(w.toByteArray());
        assertThat(r.linkTypes()).containsExactly(1, 276);
        readAll(r);
        assertThat(r.linkTypes()).containsExactly(1, 276, 101);
    }

    @Test
    void emptyPcapng() throws Exception {
        CaptureReader r = open(new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 0).toByteArray());
        assertThat(r.next(new Packet())).isFalse();
        assertThat(r.recordNumber()).isZero();
    }

    @Test
    void timestampConversions() {
        assertThat(Timestamps.toNanos(6, 1_700_000_000_000_001L)).isEqualTo(1_700_000_000_000_001_000L);
        assertThat(Timestamps.toNanos(0, 17)).isEqualTo(17_000_000_000L);
        assertThat(Timestamps.toNanos(12, 1_700_000_000_123_456_789L)).isEqualTo(1_700_000_000_123_456L);
        assertThat(Timestamps.toNanos(30, Long.MAX_VALUE)).isZero();
        assertThat(Timestamps.toNanos(28, -1L)).as("unsigned 2^64-1 / 10^19").isEqualTo(1);
        assertThat(Timestamps.toNanos(0x80, 5)).isEqualTo(5_000_000_000L);
        assertThat(Timestamps.toNanos(0x80 | 1, 3)).isEqualTo(1_500_000_000L);
        assertThat(Timestamps.toNanos(0x80 | 32, (7L << 32) | (1L << 31))).isEqualTo(7_500_000_000L);
        assertThat(Timestamps.toNanos(0x80 | 64, 1L << 63)).isEqualTo(500_000_000L);
        assertThat(Timestamps.toNanos(0x80 | 127, -1L)).isZero();
    }
}
