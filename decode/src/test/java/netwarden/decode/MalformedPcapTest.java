package netwarden.decode;

import static netwarden.decode.PcapReaderTest.UDP_FRAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import netwarden.model.Packet;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Corrupt pcap files: each error says which decoder, where (offset, record) and what. */
class MalformedPcapTest {
    static final long T0 = 1_700_000_000_000_000_000L;

    static DecodeException openFails(byte[] file) {
        try {
            CaptureReader.open(MemorySegment.ofArray(file));
        } catch (DecodeException e) {
            return e;
        }
        throw new AssertionError("open() accepted a corrupt file");
    }

    /** Reads until the error, returning it after checking how many records came before it. */
    static DecodeException readFails(byte[] file, int goodRecords) throws DecodeException {
        CaptureReader r = CaptureReader.open(MemorySegment.ofArray(file));
        Packet p = new Packet();
        for (int i = 0; i < goodRecords; i++) assertThat(r.next(p)).as("record %d", i + 1).isTrue();
        try {
            r.next(p);
        } catch (DecodeException e) {
            assertThat(r.recordNumber()).isEqualTo(goodRecords);
            assertThatThrownBy(() -> r.next(p)).as("failure is sticky").isSameAs(e);
            return e;
        }
        throw new AssertionError("corrupt record " + (goodRecords + 1) + " was accepted");
    }

    static void assertError(DecodeException e, String decoder, long offset, long record, String reason) {
        assertThat(e.decoder()).isEqualTo(decoder);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.record()).isEqualTo(record);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).contains(decoder).contains("offset " + offset).contains(reason)
                .contains(record == 0 ? "file header" : "record " + record);
    }

    @Test
    void badMagic() {
        DecodeException e = openFails("GET / HTTP/1.1\r\n\r\n".getBytes());
        assertError(e, "capture", 0, 0, "magic 0x47455420 is neither pcap");
    }

    @Test
    void gzipIsNamed() {
        assertError(openFails(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}), "capture", 0, 0, "gzip");
    }

    @Test
    void tooShortForAMagicNumber() {
        assertError(openFails(new byte[] {(byte) 0xd4, (byte) 0xc3}), "capture", 0, 0, "too short for a magic number: 2 bytes");
        assertError(openFails(new byte[0]), "capture", 0, 0, "0 bytes");
    }

    @Test
    void notACaptureTellsForeignFilesFromDamagedCaptures() {
        assertThat(CaptureReader.notACapture(MemorySegment.ofArray("services:\n".getBytes()))).contains("magic 0x73657276");
        assertThat(CaptureReader.notACapture(MemorySegment.ofArray(new byte[] {0x1f, (byte) 0x8b, 8, 0}))).contains("gzip");
        assertThat(CaptureReader.notACapture(MemorySegment.ofArray(new byte[3]))).contains("3 bytes");
        // A known magic number is a capture, however damaged the rest: cut header, pcapng, swapped, nanosecond.
        assertThat(CaptureReader.notACapture(MemorySegment.ofArray(Arrays.copyOf(PcapWriter.micros(1).toByteArray(), 4)))).isNull();
        for (int magic : new int[] {0x0a0d0d0a, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0xa1b2cd34})
            assertThat(CaptureReader.notACapture(MemorySegment.ofArray(java.nio.ByteBuffer.allocate(4).putInt(magic).array())))
                    .as("magic %08x", magic).isNull();
    }

    @Test
    void truncatedFileHeader() {
        byte[] file = Arrays.copyOf(PcapWriter.micros(1).toByteArray(), 10);
        assertError(openFails(file), "pcap", 0, 0, "file header truncated: 10 of 24 bytes");
    }

    @Test
    void unsupportedVersion() {
        byte[] file = PcapWriter.micros(1).toByteArray();
        file[4] = 1;
        assertError(openFails(file), "pcap", 4, 0, "unsupported pcap version 1.4");
    }

    @Test
    void truncatedRecordHeader() throws Exception {
        PcapWriter w = PcapWriter.micros(1).record(T0, UDP_FRAME);
        int at = w.size();
        byte[] file = w.raw(new byte[7]).toByteArray();
        assertError(readFails(file, 1), "pcap", at, 2, "record header truncated: 7 of 16 bytes");
    }

    /**
     * 8 (or 4) bytes of a cut header after one record make the file exactly as long as if it had a
     * 24-byte (or 20-byte) header; Wireshark then picks that layout and garbles the frame. After two
     * records, 20-byte headers land on the end too when the second frame's first 4 bytes (here its
     * destination MAC) pass as an original length.
     */
    @ParameterizedTest
    @CsvSource({"1, 8", "1, 4", "2, 8", "2, 4", "3, 8"})
    void truncatedTailIsAReadErrorNotAnotherHeaderLayout(int records, int tail) throws Exception {
        byte[] frame = Frames.concat(new byte[] {2, 2, 2, 2, 2, 2}, Arrays.copyOfRange(UDP_FRAME, 6, UDP_FRAME.length));
        PcapWriter w = PcapWriter.micros(1);
        for (int i = 0; i < records; i++) w.record(T0 + i * 1_000_000L, frame);
        int at = w.size();
        byte[] file = w.raw(Arrays.copyOf(new byte[] {(byte) 0xe9, 3, 0, 0, 0, 0, 0, 0}, tail)).toByteArray();
        CaptureReader r = CaptureReader.open(MemorySegment.ofArray(file));
        Packet p = new Packet();
        for (int i = 0; i < records; i++) {
            assertThat(r.next(p)).isTrue();
            assertThat(p.dstPort).isEqualTo(27960);
            assertThat(p.tsNanos).isEqualTo(T0 + i * 1_000_000L);
        }
        assertError(readFails(file, records), "pcap", at, records + 1, "record header truncated: " + tail + " of 16 bytes");
    }

    @Test
    void recordLongerThanTheFile() throws Exception {
        PcapWriter w = PcapWriter.micros(1).record(T0, UDP_FRAME).record(T0, UDP_FRAME);
        int second = 24 + 16 + UDP_FRAME.length;
        byte[] file = Arrays.copyOf(w.toByteArray(), w.size() - 5);
        assertError(readFails(file, 1), "pcap", second + 8, 2,
                "captured length " + UDP_FRAME.length + " runs past the end of the file (" + (UDP_FRAME.length - 5) + " bytes remain)");
    }

    @Test
    void hugeCapturedLengthIsRejectedWithoutAllocating() throws Exception {
        // Three sane records first, so the layout guess (which looks at three) settles on the standard one.
        PcapWriter w = PcapWriter.micros(1).record(T0, UDP_FRAME).record(T0, UDP_FRAME).record(T0, UDP_FRAME);
        int at = w.size();
        byte[] file = w.rawRecord(1, 0, 16_711_424, 16_711_424, new byte[64]).toByteArray();
        assertError(readFails(file, 3), "pcap", at + 8, 4, "captured length 16711424 exceeds the maximum of 262144 bytes");
    }

    @Test
    void hugeOriginalLengthIsOnlyAWireLength() throws Exception {
        byte[] file = PcapWriter.micros(1).rawRecord(1, 0, 1, 1_048_576, new byte[] {7}).toByteArray();
        CaptureReader r = CaptureReader.open(MemorySegment.ofArray(file));
        Packet p = new Packet();
        assertThat(r.next(p)).isTrue();
        assertThat(p.wireLen).isEqualTo(1_048_576);
        assertThat(p.capLen).isEqualTo(1);
        assertThat(p.ipVersion).isZero();
        assertThat(r.next(p)).isFalse();
    }
}
