package netwarden.decode;

import static netwarden.decode.MalformedPcapTest.assertError;
import static netwarden.decode.MalformedPcapTest.openFails;
import static netwarden.decode.MalformedPcapTest.readFails;
import static netwarden.decode.PcapReaderTest.UDP_FRAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.PcapngWriter;
import org.junit.jupiter.api.Test;

/** Corrupt pcapng files: framing, byte-order magic, interfaces, packet lengths, options. */
class MalformedPcapngTest {
    static final long T0 = 1_700_000_000_000_000_000L;

    /** SHB (28 bytes) + IDB (20 bytes) + one good EPB. */
    static PcapngWriter goodStart() {
        return new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 65535).enhancedPacket(0, T0, UDP_FRAME);
    }

    @Test
    void blockLengthNotAMultipleOf4() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.rawBlock(6, new byte[20], 30, 30);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 4, 2, "block length 30 is not a multiple of 4");
    }

    @Test
    void mismatchedTrailingLength() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.rawBlock(6, new byte[20], 32, 36);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 28, 2, "trailing block length 36 does not match leading length 32");
    }

    @Test
    void blockLengthBelowTheMinimum() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.raw(new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(6).u32(8).u32(8).toByteArray());
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 4, 2, "block length 8 is below the 12-byte minimum");
    }

    @Test
    void packetBlockTooSmallForItsFields() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.block(6, new byte[8]);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 4, 2, "enhanced packet block length 20 is below its 32-byte minimum");
    }

    @Test
    void blockRunningPastTheEndOfTheFile() throws Exception {
        PcapngWriter w = goodStart().enhancedPacket(0, T0, UDP_FRAME);
        int second = 28 + 20 + 32 + ((UDP_FRAME.length + 3) & ~3);
        byte[] file = Arrays.copyOf(w.toByteArray(), w.size() - 8);
        assertError(readFails(file, 1), "pcapng", second + 4, 2, "runs past the end of the file");
    }

    @Test
    void truncatedBlockHeader() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.raw(new byte[] {6, 0, 0, 0, 40, 0});
        assertError(readFails(w.toByteArray(), 1), "pcapng", at, 2, "block header truncated: 6 bytes left");
    }

    @Test
    void packetForAnInterfaceWithoutDescription() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        w.enhancedPacket(3, 0, UDP_FRAME, UDP_FRAME.length);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 8, 2,
                "interface id 3 has no interface description block (the section has 1)");
    }

    @Test
    void interfacesDoNotCarryOverIntoANewSection() throws Exception {
        PcapngWriter w = goodStart().section(ByteOrder.BIG_ENDIAN);
        int at = w.size();
        w.obsoletePacket(0, 0, UDP_FRAME, UDP_FRAME.length);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 8, 2, "interface id 0 has no interface description block (the section has 0)");
    }

    @Test
    void capturedLengthBeyondTheBlock() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        byte[] body = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(0).u32(0).u32(0).u32(500).u32(500).zeros(40).toByteArray();
        w.block(6, body);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 20, 2, "captured length 500 exceeds the block's 40 data bytes");
    }

    @Test
    void hugeCapturedLength() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        byte[] body = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(0).u32(0).u32(0).u32(16_777_216).u32(60).zeros(60).toByteArray();
        w.block(6, body);
        assertError(readFails(w.toByteArray(), 1), "pcapng", at + 20, 2, "captured length 16777216 exceeds the maximum of 262144 bytes");
    }

    @Test
    void simplePacketBeforeAnyInterface() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).simplePacket(UDP_FRAME, UDP_FRAME.length);
        assertError(readFails(w.toByteArray(), 0), "pcapng", 28, 1, "simple packet block before any interface description block");
    }

    @Test
    void simplePacketLongerThanItsBlock() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 0)
                .simplePacket(UDP_FRAME, UDP_FRAME.length + 100);
        assertError(readFails(w.toByteArray(), 0), "pcapng", 28 + 20 + 8, 1, "captured length " + (UDP_FRAME.length + 100));
    }

    @Test
    void badByteOrderMagic() {
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).toByteArray();
        file[8] = 0x11;
        assertError(openFails(file), "pcapng", 8, 1, "byte-order magic 0x113c2b1a is neither 1a2b3c4d nor 4d3c2b1a");
    }

    @Test
    void badByteOrderMagicInALaterSection() throws Exception {
        PcapngWriter w = goodStart();
        int at = w.size();
        byte[] file = w.section(ByteOrder.BIG_ENDIAN).toByteArray();
        file[at + 8] = 0;
        assertError(readFails(file, 1), "pcapng", at + 8, 2, "byte-order magic");
    }

    @Test
    void unsupportedVersion() {
        byte[] file = new PcapngWriter().section(ByteOrder.BIG_ENDIAN).toByteArray();
        file[13] = 2;
        assertError(openFails(file), "pcapng", 12, 1, "unsupported pcapng version 2.0");
    }

    @Test
    void sectionHeaderTooShort() {
        byte[] file = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u32(0x0A0D0D0A).u32(16).u32(0x1A2B3C4D).u32(16).toByteArray();
        assertError(openFails(file), "pcapng", 4, 1, "section header block length 16 is below its 28-byte minimum");
    }

    @Test
    void interfaceOptionRunningPastItsBlock() throws Exception {
        byte[] body = new ByteWriter(ByteOrder.LITTLE_ENDIAN).u16(1).u16(0).u32(0).u16(9).u16(40).u8(6).zeros(3).toByteArray();
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).block(1, body).toByteArray();
        assertError(readFails(file, 0), "pcapng", 28 + 16, 1, "option 9 length 40 runs past the end of its block");
    }

    @Test
    void badInterfaceBlockAfterASoundSectionHeaderIsAReadError() throws Exception {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 0);
        int at = w.size();
        w.rawBlock(1, new byte[8], 20, 999).enhancedPacket(0, T0, UDP_FRAME);
        CaptureReader r = CaptureReader.open(MemorySegment.ofArray(w.toByteArray()));
        assertThat(r.format()).isEqualTo("pcapng");
        assertThat(r.linkTypes()).as("the interfaces before the bad block").containsExactly(1);
        assertError(readFails(w.toByteArray(), 0), "pcapng", at + 16, 1, "trailing block length 999 does not match leading length 20");
    }

    @Test
    void truncatedSectionHeader() {
        byte[] file = Arrays.copyOf(new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).toByteArray(), 10);
        assertError(openFails(file), "pcapng", 0, 1, "block header truncated: 10 bytes left");
    }
}
