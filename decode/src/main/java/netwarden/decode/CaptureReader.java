package netwarden.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import netwarden.model.Packet;

/**
 * Reads pcap (microsecond or nanosecond, either byte order, and the old variants Wireshark reads)
 * and pcapng captures from memory and
 * decodes each frame into a reused {@link Packet}. The format comes from the magic number, never
 * from a file name. Pure: it reads only the segment it was given, which must stay valid while used.
 *
 * <p>Contract: {@link #next} allocates nothing and throws only {@link DecodeException}, for a corrupt
 * record (bad framing, a captured length above {@value RecordFormat#MAX_CAPTURED} bytes or beyond the
 * file, a packet block naming an undescribed interface). The failure is sticky: later calls throw the
 * same exception, and every record returned before it stays valid. Malformed packet contents are
 * never an error (see {@link PacketDecoder}).
 *
 * <p>Not thread-safe: one reader, one thread.
 */
public final class CaptureReader {
    /** Captured lengths above this are treated as corruption (as libpcap and Wireshark do). */
    public static final int MAX_CAPTURED_LENGTH = RecordFormat.MAX_CAPTURED;

    private static final long PCAP_MICROS = 0xa1b2c3d4L, PCAP_MICROS_SWAPPED = 0xd4c3b2a1L;
    private static final long PCAP_NANOS = 0xa1b23c4dL, PCAP_NANOS_SWAPPED = 0x4d3cb2a1L;
    private static final long PCAP_MODIFIED = 0xa1b2cd34L, PCAP_MODIFIED_SWAPPED = 0x34cdb2a1L;

    private final MemorySegment data;
    private final RecordFormat format;
    private long records;
    private long frameOffset = -1;
    private int frameLength;
    private DecodeException failure;

    private CaptureReader(MemorySegment data, RecordFormat format) {
        this.data = data;
        this.format = format;
    }

    /** Detects the format by magic number and reads the file header (pcapng: first SHB and its IDBs). */
    public static CaptureReader open(MemorySegment data) throws DecodeException {
        String notCapture = notACapture(data);
        if (notCapture != null) throw new DecodeException("capture", 0, 0, notCapture);
        long magic = Bytes.u32(data, 0, true);
        RecordFormat format;
        if (magic == PCAP_MICROS || magic == PCAP_MICROS_SWAPPED) {
            format = PcapFormat.open(data, magic == PCAP_MICROS, false, false);
        } else if (magic == PCAP_NANOS || magic == PCAP_NANOS_SWAPPED) {
            format = PcapFormat.open(data, magic == PCAP_NANOS, true, false);
        } else if (magic == PCAP_MODIFIED || magic == PCAP_MODIFIED_SWAPPED) {
            format = PcapFormat.open(data, magic == PCAP_MODIFIED, false, true);
        } else {
            format = PcapngFormat.open(data);
        }
        return new CaptureReader(data, format);
    }

    /**
     * Why {@code data} is not a capture at all (its first bytes are no pcap or pcapng magic number),
     * or null when it starts like one; a capture damaged after its magic number is still a capture.
     */
    public static String notACapture(MemorySegment data) {
        if (data.byteSize() < 4) return "file too short for a magic number: " + data.byteSize() + " bytes";
        long magic = Bytes.u32(data, 0, true);
        if (magic == PCAP_MICROS || magic == PCAP_MICROS_SWAPPED || magic == PCAP_NANOS || magic == PCAP_NANOS_SWAPPED
                || magic == PCAP_MODIFIED || magic == PCAP_MODIFIED_SWAPPED || magic == PcapngFormat.SHB) return null;
        if ((magic >>> 16) == 0x1f8b) return "gzip-compressed file (magic 0x1f8b): decompress it first";
        return String.format("magic 0x%08x is neither pcap (a1b2c3d4, a1b23c4d, either byte order) nor pcapng (0a0d0d0a)", magic);
    }

    /** "pcap", "pcap-ns" or "pcapng". */
    public String format() {
        return format.name();
    }

    /** pcap: the header's link type; pcapng: every IDB's link type in the order seen so far. */
    public List<Integer> linkTypes() {
        return format.linkTypes();
    }

    /**
     * Reads the next record into {@code p}: tsNanos, iface, linkType, wireLen, capLen, then the
     * decoded frame. Returns false at a clean end of file.
     */
    public boolean next(Packet p) throws DecodeException {
        if (failure != null) throw failure;
        try {
            if (!format.next(p, records + 1)) {
                frameOffset = -1;
                return false;
            }
        } catch (DecodeException e) {
            failure = e;
            frameOffset = -1;
            throw e;
        }
        records++;
        frameOffset = format.frameOffset();
        frameLength = p.capLen;
        PacketDecoder.decode(p.linkType, data, frameOffset, frameLength, p);
        return true;
    }

    /** The captured bytes of the current frame, as a view valid until the next call of {@link #next}. */
    public MemorySegment frame() {
        if (frameOffset < 0) throw new IllegalStateException("no current frame: call next() first");
        return data.asSlice(frameOffset, frameLength);
    }

    /** File offset of the current frame's first captured byte, for zero-copy access to {@link #data()}. */
    public long frameOffset() {
        return frameOffset;
    }

    /** The whole capture this reader reads. */
    public MemorySegment data() {
        return data;
    }

    /** Records returned so far. */
    public long recordNumber() {
        return records;
    }

    /** File offset just after the current record, for progress reporting. */
    public long position() {
        return format.position();
    }

    /** pcapng blocks skipped because they carry no packets (name resolution, statistics, unknown types). */
    public long skippedBlocks() {
        return format.skippedBlocks();
    }
}
