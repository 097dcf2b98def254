package netwarden.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Unaligned reads from a segment, in network (big-endian) or little-endian order. The layouts are
 * static finals so the JIT folds them into plain loads; callers check bounds before reading.
 */
final class Bytes {
    static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfShort U16_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Bytes() {}

    static int u8(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at) & 0xff;
    }

    /** Network-order 16-bit value. */
    static int u16(MemorySegment s, long at) {
        return s.get(U16_BE, at) & 0xffff;
    }

    /** Network-order 32-bit value as a signed int (addresses). */
    static int i32(MemorySegment s, long at) {
        return s.get(U32_BE, at);
    }

    /** Network-order 64-bit value (IPv6 address halves). */
    static long i64(MemorySegment s, long at) {
        return s.get(U64_BE, at);
    }

    /** 16-bit value in file order: little-endian unless {@code bigEndian}. */
    static int u16(MemorySegment s, long at, boolean bigEndian) {
        return (bigEndian ? s.get(U16_BE, at) : s.get(U16_LE, at)) & 0xffff;
    }

    /** 32-bit value in file order, unsigned. */
    static long u32(MemorySegment s, long at, boolean bigEndian) {
        return (bigEndian ? s.get(U32_BE, at) : s.get(U32_LE, at)) & 0xffff_ffffL;
    }

    /** 32-bit value in file order, signed. */
    static int i32(MemorySegment s, long at, boolean bigEndian) {
        return bigEndian ? s.get(U32_BE, at) : s.get(U32_LE, at);
    }

    /** 64-bit value in file order, signed. */
    static long i64(MemorySegment s, long at, boolean bigEndian) {
        return bigEndian ? s.get(U64_BE, at) : s.get(U64_LE, at);
    }
}
