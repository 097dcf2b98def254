package netwarden.ship.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The framing of a segment: records of {@code [u32 length][u32 CRC32C of payload][payload]},
 * big-endian, appended one after another. Pure; {@link #scan} tells where the valid records end so
 * recovery can cut a torn tail.
 */
final class SegmentFile {
    static final int HEADER = 8;
    /** A record larger than this is damage, not data. */
    static final int MAX_RECORD = 64 << 20;

    private SegmentFile() {}

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload).flip();
        return b;
    }

    static int crc(byte[] bytes, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(bytes, off, len);
        return (int) c.getValue();
    }

    /** Receives each whole, intact record found by {@link #scan}. */
    interface Visitor {
        void record(long offset, byte[] payload) throws Exception;
    }

    /** Visits the intact records from the start; returns the offset where they end (== length when the file is whole). */
    static long scan(byte[] file, Visitor v) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(file);
        int pos = 0;
        while (file.length - pos >= HEADER) {
            int len = b.getInt(pos), crc = b.getInt(pos + 4);
            if (len < 0 || len > MAX_RECORD || len > file.length - pos - HEADER) break;
            if (crc(file, pos + HEADER, len) != crc) break;
            byte[] payload = new byte[len];
            System.arraycopy(file, pos + HEADER, payload, 0, len);
            v.record(pos, payload);
            pos += HEADER + len;
        }
        return pos;
    }
}
