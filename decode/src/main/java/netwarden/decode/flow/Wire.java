package netwarden.decode.flow;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import netwarden.model.Ip;

/**
 * Bounds-checked network-order reads from one datagram. Every read checks against the datagram's
 * end and throws {@link FlowDecodeException} naming the decoder, the offset and what was being read,
 * so no {@link IndexOutOfBoundsException} escapes a decoder.
 */
final class Wire {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    final MemorySegment s;
    final String decoder;
    final long size;

    Wire(MemorySegment s, String decoder) {
        this.s = s;
        this.decoder = decoder;
        this.size = s.byteSize();
    }

    /** Throws unless {@code [at, at + n)} lies inside the datagram. */
    void need(long at, long n, String what) throws FlowDecodeException {
        if (at < 0 || n < 0 || at + n > size) {
            throw new FlowDecodeException(decoder, at, what + " needs " + n + " bytes, " + Math.max(0, size - at) + " left");
        }
    }

    int u8(long at) {
        return s.get(ValueLayout.JAVA_BYTE, at) & 0xff;
    }

    int u16(long at) {
        return s.get(U16, at) & 0xffff;
    }

    long u32(long at) {
        return s.get(U32, at) & 0xffff_ffffL;
    }

    int i32(long at) {
        return s.get(U32, at);
    }

    long u64(long at) {
        return s.get(U64, at);
    }

    /** An unsigned big-endian integer of 1 to 8 bytes (reduced-size encoding, RFC 7011 6.2). */
    long uint(long at, int len) {
        return switch (len) {
            case 1 -> u8(at);
            case 2 -> u16(at);
            case 4 -> u32(at);
            case 8 -> u64(at);
            default -> {
                long v = 0;
                for (int i = 0; i < len; i++) v = (v << 8) | u8(at + i);
                yield v;
            }
        };
    }

    Ip ipv4(long at) {
        return Ip.ofV4(i32(at));
    }

    Ip ipv6(long at) {
        return Ip.ofV6(u64(at), u64(at + 8));
    }

    byte[] bytes(long at, int len) {
        return s.asSlice(at, len).toArray(ValueLayout.JAVA_BYTE);
    }

    FlowDecodeException error(long at, String reason) {
        return new FlowDecodeException(decoder, at, reason);
    }
}
