package netwarden.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import netwarden.model.Packet;

/**
 * pcapng: a sequence of blocks (type, total length, body, total length again). A section header
 * block (SHB) sets the byte order and restarts interface ids; interface description blocks (IDB)
 * give each interface its link type, snaplen, timestamp resolution and offset; enhanced (EPB), simple
 * (SPB) and obsolete (OPB) packet blocks carry frames. Every other block type is skipped and counted.
 */
final class PcapngFormat implements RecordFormat {
    static final long SHB = 0x0A0D0D0AL;
    private static final int IDB = 1, OPB = 2, SPB = 3, EPB = 6;
    private static final long BOM_BIG = 0x1A2B3C4DL, BOM_LITTLE = 0x4D3C2B1AL;
    private static final int OPT_END = 0, IF_TSRESOL = 9, IF_TSOFFSET = 14;
    private static final String DECODER = "pcapng";

    private final MemorySegment data;
    private final long size;
    private final PcapngInterfaces interfaces = new PcapngInterfaces();
    private boolean bigEndian;
    private long pos;
    private long frameOffset;
    private long skipped;
    private long lastTsNanos;

    private PcapngFormat(MemorySegment data) {
        this.data = data;
        this.size = data.byteSize();
    }

    /**
     * Reads the first section header, which must be sound, then the interface blocks right after it,
     * so link types are known early. A bad block among those stops the look-ahead: {@link #next}
     * meets it again and reports it as a read error at its own offset.
     */
    static PcapngFormat open(MemorySegment data) throws DecodeException {
        PcapngFormat f = new PcapngFormat(data);
        f.nonPacketBlock(f.checkedLength(0, 1), 1);
        try {
            while (f.size - f.pos >= 8 && f.u32(f.pos) == IDB) f.nonPacketBlock(f.checkedLength(f.pos, 1), 1);
        } catch (DecodeException _) {
            // pos still points at the bad block, and nothing of it was kept
        }
        return f;
    }

    @Override
    public String name() {
        return "pcapng";
    }

    @Override
    public List<Integer> linkTypes() {
        return interfaces.linkTypes();
    }

    @Override
    public boolean next(Packet p, long record) throws DecodeException {
        while (pos < size) {
            long at = pos;
            long len = checkedLength(at, record);
            long type = u32(at);
            if (type == EPB || type == OPB) {
                packetBlock(at, len, type == OPB, p, record);
                return true;
            }
            if (type == SPB) {
                simplePacket(at, len, p, record);
                return true;
            }
            nonPacketBlock(len, record);
        }
        return false;
    }

    /** Handles the SHB, IDB or skippable block at {@link #pos} and moves past it. */
    private void nonPacketBlock(long len, long record) throws DecodeException {
        long at = pos;
        long type = u32(at);
        if (type == SHB) {
            requireLength(at, len, 28, "section header", record);
            int major = u16(at + 12), minor = u16(at + 14);
            if (major != 1) throw error(at + 12, record, "unsupported pcapng version " + major + "." + minor);
            interfaces.newSection();
            lastTsNanos = 0;
        } else if (type == IDB) {
            requireLength(at, len, 20, "interface description", record);
            interfaceBlock(at, len, record);
        } else {
            skipped++;
        }
        pos = at + len;
    }

    /** EPB and OPB share a layout except for the interface id width. */
    private void packetBlock(long at, long len, boolean obsolete, Packet p, long record) throws DecodeException {
        requireLength(at, len, 32, obsolete ? "obsolete packet" : "enhanced packet", record);
        long localId = obsolete ? u16(at + 8) : u32(at + 8);
        if (localId >= interfaces.inSection()) {
            throw error(at + 8, record, "interface id " + localId + " has no interface description block (the section has "
                    + interfaces.inSection() + ")");
        }
        int iface = interfaces.global(localId);
        long units = (u32(at + 12) << 32) | u32(at + 16);
        long captured = u32(at + 20);
        checkCaptured(at + 20, captured, len - 32, record);
        fill(p, iface, interfaces.toNanos(iface, units), captured, u32(at + 24));
        frameOffset = at + 28;
        pos = at + len;
    }

    /** SPB: interface 0, no timestamp (see below); captured length = min(original length, snaplen). */
    private void simplePacket(long at, long len, Packet p, long record) throws DecodeException {
        requireLength(at, len, 16, "simple packet", record);
        if (interfaces.inSection() == 0) {
            throw error(at, record, "simple packet block before any interface description block");
        }
        int iface = interfaces.global(0);
        long original = u32(at + 8);
        long snaplen = interfaces.snaplen(iface);
        long captured = snaplen != 0 ? Math.min(original, snaplen) : original;
        checkCaptured(at + 8, captured, len - 16, record);
        // No timestamp field: an SPB was captured after the packet before it, so it takes that one's
        // time rather than 1970 (0 only when it is the section's first packet).
        fill(p, iface, lastTsNanos, captured, original);
        frameOffset = at + 12;
        pos = at + len;
    }

    private void fill(Packet p, int iface, long tsNanos, long captured, long original) {
        lastTsNanos = tsNanos;
        p.tsNanos = tsNanos;
        p.iface = iface;
        p.linkType = interfaces.linkType(iface);
        p.capLen = (int) captured;
        p.wireLen = (int) Math.min(original, Integer.MAX_VALUE);
    }

    private void checkCaptured(long fieldAt, long captured, long room, long record) throws DecodeException {
        if (captured > MAX_CAPTURED) {
            throw error(fieldAt, record, "captured length " + captured + " exceeds the maximum of " + MAX_CAPTURED + " bytes");
        }
        if (captured > room) {
            throw error(fieldAt, record, "captured length " + captured + " exceeds the block's " + room + " data bytes");
        }
    }

    /** Adds the interface an IDB describes; absent options mean microseconds (if_tsresol) and no offset (if_tsoffset). */
    private void interfaceBlock(long block, long len, long record) throws DecodeException {
        int resolution = Timestamps.MICROS;
        long offsetSeconds = 0;
        long at = block + 16, end = block + len - 4;
        while (end - at >= 4) {
            int code = u16(at), length = u16(at + 2);
            if (code == OPT_END) break;
            long padded = (length + 3L) & ~3L;
            if (at + 4 + padded > end) {
                throw error(at, record, "option " + code + " length " + length + " runs past the end of its block");
            }
            if (code == IF_TSRESOL && length >= 1) resolution = Bytes.u8(data, at + 4);
            if (code == IF_TSOFFSET && length >= 8) offsetSeconds = Bytes.i64(data, at + 4, bigEndian);
            at += 4 + padded;
        }
        interfaces.add(u16(block + 8), u32(block + 12), resolution, offsetSeconds);
    }

    /**
     * Validates the block framing at {@code at} and returns its total length. For an SHB it first
     * takes the section's byte order from the byte-order magic.
     */
    private long checkedLength(long at, long record) throws DecodeException {
        long remaining = size - at;
        if (remaining < 12) {
            throw error(at, record, "block header truncated: " + remaining + " bytes left, a block needs at least 12");
        }
        if (Bytes.u32(data, at, true) == SHB) {
            long bom = Bytes.u32(data, at + 8, true);
            if (bom != BOM_BIG && bom != BOM_LITTLE) {
                throw error(at + 8, record, "byte-order magic 0x" + Long.toHexString(bom) + " is neither 1a2b3c4d nor 4d3c2b1a");
            }
            bigEndian = bom == BOM_BIG;
        }
        long len = u32(at + 4);
        if (len < 12) throw error(at + 4, record, "block length " + len + " is below the 12-byte minimum");
        if (len % 4 != 0) throw error(at + 4, record, "block length " + len + " is not a multiple of 4");
        if (len > remaining) {
            throw error(at + 4, record, "block length " + len + " runs past the end of the file (" + remaining + " bytes remain)");
        }
        long trailer = u32(at + len - 4);
        if (trailer != len) {
            throw error(at + len - 4, record, "trailing block length " + trailer + " does not match leading length " + len);
        }
        return len;
    }

    private void requireLength(long at, long len, int min, String what, long record) throws DecodeException {
        if (len < min) throw error(at + 4, record, what + " block length " + len + " is below its " + min + "-byte minimum");
    }

    private DecodeException error(long offset, long record, String reason) {
        return new DecodeException(DECODER, offset, record, reason);
    }

    private long u32(long at) {
        return Bytes.u32(data, at, bigEndian);
    }

    private int u16(long at) {
        return Bytes.u16(data, at, bigEndian);
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
        return skipped;
    }
}
