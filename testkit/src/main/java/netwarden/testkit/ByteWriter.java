package netwarden.testkit;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array with integer writes in a chosen byte order; the building block of the
 * capture writers and frame builders. Values are truncated to the width written, so tests can
 * write deliberately out-of-range numbers.
 */
public final class ByteWriter {
    private byte[] buf = new byte[64];
    private int size;
    private ByteOrder order;

    public ByteWriter(ByteOrder order) {
        this.order = order;
    }

    public ByteWriter() {
        this(ByteOrder.BIG_ENDIAN);
    }

    public ByteOrder order() {
        return order;
    }

    public ByteWriter order(ByteOrder newOrder) {
        this.order = newOrder;
        return this;
    }

    public int size() {
        return size;
    }

    public ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter u16(int v) {
        return order == ByteOrder.BIG_ENDIAN ? u8(v >>> 8).u8(v) : u8(v).u8(v >>> 8);
    }

    public ByteWriter u32(long v) {
        return order == ByteOrder.BIG_ENDIAN
                ? u16((int) (v >>> 16)).u16((int) v)
                : u16((int) v).u16((int) (v >>> 16));
    }

    public ByteWriter u64(long v) {
        return order == ByteOrder.BIG_ENDIAN ? u32(v >>> 32).u32(v) : u32(v).u32(v >>> 32);
    }

    public ByteWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public ByteWriter zeros(int n) {
        ensure(n);
        size += n;
        return this;
    }

    /** Pads with zero bytes up to the next multiple of {@code alignment}. */
    public ByteWriter pad(int alignment) {
        return zeros((alignment - size % alignment) % alignment);
    }

    /** Overwrites a 32-bit value at {@code offset} (for lengths known only at the end). */
    public ByteWriter putU32(int offset, long v) {
        for (int i = 0; i < 4; i++) {
            int shift = order == ByteOrder.BIG_ENDIAN ? 24 - 8 * i : 8 * i;
            buf[offset + i] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Overwrites a 16-bit value at {@code offset}. */
    public ByteWriter putU16(int offset, int v) {
        buf[offset] = (byte) (order == ByteOrder.BIG_ENDIAN ? v >>> 8 : v);
        buf[offset + 1] = (byte) (order == ByteOrder.BIG_ENDIAN ? v : v >>> 8);
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
}
