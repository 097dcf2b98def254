package netwarden.testkit;

import java.nio.ByteOrder;

/**
 * Writes classic pcap files in memory: microsecond (magic a1b2c3d4) or nanosecond (a1b23c4d)
 * timestamps, either byte order, any link type. Records may carry fewer captured bytes than their
 * original length (snaplen cuts), and {@link #rawRecord} writes headers that lie, for corrupt-file tests.
 */
public final class PcapWriter {
    public static final long MAGIC_MICROS = 0xa1b2c3d4L;
    public static final long MAGIC_NANOS = 0xa1b23c4dL;

    private final ByteWriter out;
    private final boolean nanos;

    public PcapWriter(boolean nanos, ByteOrder order, int linkType, int snaplen) {
        this.nanos = nanos;
        this.out = new ByteWriter(order);
        out.u32(nanos ? MAGIC_NANOS : MAGIC_MICROS).u16(2).u16(4).u32(0).u32(0).u32(snaplen).u32(linkType);
    }

    /** Microsecond, little-endian, snaplen 262144. */
    public static PcapWriter micros(int linkType) {
        return new PcapWriter(false, ByteOrder.LITTLE_ENDIAN, linkType, 262_144);
    }

    /** A record whose original length equals its captured length. */
    public PcapWriter record(long tsNanos, byte[] frame) {
        return record(tsNanos, frame, frame.length);
    }

    /** A record of {@code captured} bytes from a frame that was {@code origLen} bytes on the wire. */
    public PcapWriter record(long tsNanos, byte[] captured, int origLen) {
        long sec = Math.floorDiv(tsNanos, 1_000_000_000L);
        long frac = Math.floorMod(tsNanos, 1_000_000_000L);
        return rawRecord(sec, nanos ? frac : frac / 1000, captured.length, origLen, captured);
    }

    /** A record header with exactly these field values, followed by {@code data} (whatever its length). */
    public PcapWriter rawRecord(long tsSec, long tsFrac, long inclLen, long origLen, byte[] data) {
        out.u32(tsSec).u32(tsFrac).u32(inclLen).u32(origLen).bytes(data);
        return this;
    }

    /** Appends arbitrary bytes, e.g. half a record header. */
    public PcapWriter raw(byte[] bytes) {
        out.bytes(bytes);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
