package netwarden.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import netwarden.model.Packet;

/**
 * Classic pcap: a 24-byte file header (magic, version, snaplen, link type) then records of a
 * 16-byte header (seconds, micro- or nanoseconds, captured length, original length) and data.
 *
 * <p>Like libpcap and Wireshark, it also reads the old variants: versions before 2.3 store the two
 * lengths the other way round (2.3 files either way), and 1999-era patched libpcaps wrote longer
 * record headers (20, 24 or 28 bytes), some under the standard magic. {@link PcapVariants} picks
 * the header length whose first records look sane, as Wireshark does, so damaged files read the
 * same here as in tshark; except that a record cut off by the end of the file is a truncated
 * capture, reported as such, never a reason to pick a longer header.
 */
final class PcapFormat implements RecordFormat {
    static final int FILE_HEADER = 24;
    private static final String DECODER = "pcap";
    private static final int LENGTHS_IN_ORDER = 0, LENGTHS_SWAPPED = 1, LENGTHS_MAYBE_SWAPPED = 2;

    private final MemorySegment data;
    private final long size;
    private final boolean bigEndian, nanos;
    private final int linkType;
    private final int lengthOrder;
    private int recordHeader = PcapVariants.STANDARD;
    private long pos = FILE_HEADER;
    private long frameOffset;

    private PcapFormat(MemorySegment data, boolean bigEndian, boolean nanos, int linkType, int lengthOrder) {
        this.data = data;
        this.size = data.byteSize();
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.linkType = linkType;
        this.lengthOrder = lengthOrder;
    }

    /**
     * @param modified the 1999 "modified" magic (a1b2cd34): records carry 24- or 28-byte headers
     */
    static PcapFormat open(MemorySegment data, boolean bigEndian, boolean nanos, boolean modified) throws DecodeException {
        if (data.byteSize() < FILE_HEADER) {
            throw new DecodeException(DECODER, 0, 0, "file header truncated: " + data.byteSize() + " of 24 bytes");
        }
        int major = Bytes.u16(data, 4, bigEndian), minor = Bytes.u16(data, 6, bigEndian);
        if (major < 2) throw new DecodeException(DECODER, 4, 0, "unsupported pcap version " + major + "." + minor);
        int lengthOrder = major == 543 || (major == 2 && minor < 3) ? LENGTHS_SWAPPED
                : major == 2 && minor == 3 ? LENGTHS_MAYBE_SWAPPED : LENGTHS_IN_ORDER;
        long snaplen = Bytes.u32(data, 16, bigEndian);
        // libpcap's LT_LINKTYPE: the low 16 bits. Bits 26-31 say whether and how many FCS bytes end
        // each frame; those are just bytes past the IP datagram, which IP lengths already exclude.
        int linkType = (int) (Bytes.u32(data, 20, bigEndian) & 0xffff);
        PcapFormat f = new PcapFormat(data, bigEndian, nanos, linkType, lengthOrder);
        if (!nanos) f.recordHeader = PcapVariants.choose(f, modified, snaplen);
        return f;
    }

    @Override
    public String name() {
        return nanos ? "pcap-ns" : "pcap";
    }

    @Override
    public List<Integer> linkTypes() {
        return List.of(linkType);
    }

    /** Record header length in use: 16 for every ordinary file. */
    int recordHeaderLength() {
        return recordHeader;
    }

    @Override
    public boolean next(Packet p, long record) throws DecodeException {
        long at = pos;
        long remaining = size - at;
        if (remaining == 0) return false;
        if (remaining < recordHeader) {
            throw new DecodeException(DECODER, at, record,
                    "record header truncated: " + remaining + " of " + recordHeader + " bytes");
        }
        long captured = capturedLength(at), original = originalLength(at);
        if (captured > MAX_CAPTURED) {
            throw new DecodeException(DECODER, at + 8, record,
                    "captured length " + captured + " exceeds the maximum of " + MAX_CAPTURED + " bytes");
        }
        if (captured > remaining - recordHeader) {
            throw new DecodeException(DECODER, at + 8, record, "captured length " + captured
                    + " runs past the end of the file (" + (remaining - recordHeader) + " bytes remain)");
        }
        long seconds = Bytes.u32(data, at, bigEndian);
        long fraction = Bytes.u32(data, at + 4, bigEndian);
        p.tsNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
        p.iface = 0;
        p.linkType = linkType;
        p.capLen = (int) captured;
        p.wireLen = (int) Math.min(original, Integer.MAX_VALUE);
        frameOffset = at + recordHeader;
        pos = frameOffset + captured;
        return true;
    }

    /** Captured length of the record whose header starts at {@code at}, after undoing old length orders. */
    long capturedLength(long at) {
        long incl = Bytes.u32(data, at + 8, bigEndian), orig = Bytes.u32(data, at + 12, bigEndian);
        return swapped(incl, orig) ? orig : incl;
    }

    long originalLength(long at) {
        long incl = Bytes.u32(data, at + 8, bigEndian), orig = Bytes.u32(data, at + 12, bigEndian);
        return swapped(incl, orig) ? incl : orig;
    }

    long fraction(long at) {
        return Bytes.u32(data, at + 4, bigEndian);
    }

    long size() {
        return size;
    }

    private boolean swapped(long incl, long orig) {
        return lengthOrder == LENGTHS_SWAPPED || (lengthOrder == LENGTHS_MAYBE_SWAPPED && incl > orig);
    }

    @Override
    public long frameOffset() {
        return frameOffset;
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public long skippedBlocks() {
        return 0;
    }
}
