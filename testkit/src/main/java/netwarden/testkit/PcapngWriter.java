package netwarden.testkit;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcapng files in memory: section header blocks in either byte order, interface description
 * blocks (link type, snaplen, optional if_tsresol), enhanced, simple and obsolete packet blocks, and
 * arbitrary blocks for unknown-type and corrupt-file tests. Timestamps are given in the units of the
 * interface they belong to ({@link #units} converts from nanoseconds).
 */
public final class PcapngWriter {
    public static final int SHB = 0x0A0D0D0A, IDB = 1, OPB = 2, SPB = 3, EPB = 6;
    private static final int OPT_END = 0, IF_TSRESOL = 9;

    private final ByteWriter out = new ByteWriter();
    private final List<Integer> tsresols = new ArrayList<>();

    /** Starts a new section (SHB) in {@code order}; later interface ids restart at 0. */
    public PcapngWriter section(ByteOrder order) {
        out.order(order);
        tsresols.clear();
        ByteWriter body = new ByteWriter(order).u32(0x1A2B3C4DL).u16(1).u16(0).u64(-1L);
        return block(SHB, body.toByteArray());
    }

    /** An interface with the default resolution (microseconds). */
    public PcapngWriter interfaceBlock(int linkType, int snaplen) {
        return interfaceBlock(linkType, snaplen, -1);
    }

    /**
     * An interface; {@code tsresol} is the if_tsresol option byte (e.g. 9 = ns, 0x80|20 = 2^-20 s)
     * or -1 to omit the option (microseconds).
     */
    public PcapngWriter interfaceBlock(int linkType, int snaplen, int tsresol) {
        ByteWriter body = new ByteWriter(out.order()).u16(linkType).u16(0).u32(snaplen);
        if (tsresol >= 0) {
            body.u16(IF_TSRESOL).u16(1).u8(tsresol).pad(4);
            body.u16(OPT_END).u16(0);
        }
        tsresols.add(tsresol < 0 ? 6 : tsresol);
        return block(IDB, body.toByteArray());
    }

    /** Converts nanoseconds since the epoch to timestamp units of interface {@code iface}. */
    public long units(int iface, long tsNanos) {
        int r = tsresols.get(iface);
        if ((r & 0x80) != 0) {
            int bits = r & 0x7f;
            if (bits > 32) throw new IllegalArgumentException("power-of-2 tsresol above 2^-32 not supported here: " + bits);
            long sec = tsNanos / 1_000_000_000L, ns = tsNanos % 1_000_000_000L;
            return (sec << bits) + (ns << bits) / 1_000_000_000L;
        }
        long scale = 1;
        for (int i = r; i < 9; i++) scale *= 10;
        long units = tsNanos / scale;
        for (int i = 9; i < r; i++) units *= 10;
        return units;
    }

    /** An enhanced packet block with captured bytes and the original length on the wire. */
    public PcapngWriter enhancedPacket(int iface, long tsUnits, byte[] captured, int origLen) {
        ByteWriter body = new ByteWriter(out.order()).u32(iface).u32(tsUnits >>> 32).u32(tsUnits)
                .u32(captured.length).u32(origLen).bytes(captured).pad(4);
        return block(EPB, body.toByteArray());
    }

    public PcapngWriter enhancedPacket(int iface, long tsNanos, byte[] frame) {
        return enhancedPacket(iface, units(iface, tsNanos), frame, frame.length);
    }

    /** A simple packet block: only the original length is stored; the reader derives the captured part. */
    public PcapngWriter simplePacket(byte[] captured, int origLen) {
        ByteWriter body = new ByteWriter(out.order()).u32(origLen).bytes(captured).pad(4);
        return block(SPB, body.toByteArray());
    }

    /** The obsolete packet block (type 2) with a 16-bit interface id and drops count. */
    public PcapngWriter obsoletePacket(int iface, long tsUnits, byte[] captured, int origLen) {
        ByteWriter body = new ByteWriter(out.order()).u16(iface).u16(0).u32(tsUnits >>> 32).u32(tsUnits)
                .u32(captured.length).u32(origLen).bytes(captured).pad(4);
        return block(OPB, body.toByteArray());
    }

    /** A well-formed block of any type around {@code body} (padded to 4 bytes). */
    public PcapngWriter block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        return rawBlock(type, body, 12 + padded, 12 + padded);
    }

    /** A block whose leading and trailing length fields say whatever the test wants. */
    public PcapngWriter rawBlock(int type, byte[] body, long totalLength, long trailingLength) {
        out.u32(type).u32(totalLength).bytes(body).zeros((4 - body.length % 4) % 4).u32(trailingLength);
        return this;
    }

    /** Appends arbitrary bytes, e.g. a cut-off block. */
    public PcapngWriter raw(byte[] bytes) {
        out.bytes(bytes);
        return this;
    }

    public ByteOrder order() {
        return out.order();
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
