package netwarden.sources.query;

import java.nio.charset.StandardCharsets;

/** A little-endian cursor over one answer; every read past the end is a {@link QueryException}. */
final class Wire {
    private final String protocol;
    private final byte[] b;
    private final int end;
    private int pos;

    Wire(String protocol, byte[] b, int off, int len) {
        this.protocol = protocol;
        this.b = b;
        this.pos = off;
        this.end = off + len;
    }

    int pos() { return pos; }
    int remaining() { return end - pos; }

    QueryException fail(String reason) {
        return new QueryException(protocol, pos, reason);
    }

    private void need(int n, String what) throws QueryException {
        if (end - pos < n) throw fail("truncated in " + what);
    }

    int u8(String what) throws QueryException {
        need(1, what);
        return b[pos++] & 0xFF;
    }

    int i16(String what) throws QueryException {
        need(2, what);
        int v = (b[pos] & 0xFF) | (b[pos + 1] << 8);
        pos += 2;
        return (short) v;
    }

    int i32(String what) throws QueryException {
        need(4, what);
        int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    float f32(String what) throws QueryException {
        return Float.intBitsToFloat(i32(what));
    }

    /** A NUL-terminated UTF-8 string (malformed sequences become U+FFFD, as the game clients show them). */
    String cstring(String what) throws QueryException {
        int z = pos;
        while (z < end && b[z] != 0) z++;
        if (z == end) throw fail("truncated in " + what + " (no terminating NUL)");
        String s = new String(b, pos, z - pos, StandardCharsets.UTF_8);
        pos = z + 1;
        return s;
    }

    byte[] rest() {
        byte[] out = java.util.Arrays.copyOfRange(b, pos, end);
        pos = end;
        return out;
    }
}
