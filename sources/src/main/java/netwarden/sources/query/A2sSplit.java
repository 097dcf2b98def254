package netwarden.sources.query;

import java.io.ByteArrayOutputStream;

/**
 * Reassembles a Source engine multi-packet answer (header FE FF FF FF): ID (long; most significant bit set
 * = bzip2-compressed), Total (byte), Number (byte), Size (short), payload. The payloads in Number order
 * form one simple answer (starting FF FF FF FF). Pure; one instance per exchange.
 *
 * <p>Compressed answers are refused ({@link QueryException} with reason {@link #COMPRESSED}): only a few
 * pre-Orange-Box games send them. GoldSource's split header (a packet-number nibble pair) and the
 * Size-less Source variants (App IDs 215, 17550, 17700 and 240 with protocol 7) are not read.
 */
public final class A2sSplit {
    public static final String COMPRESSED = "compressed (bzip2) split answer refused";
    private static final int MAX_PARTS = 32; // 32 x 1248 bytes: far more than any A2S_PLAYER needs

    private int id;
    private byte[][] parts;
    private int received;

    /** Whether a datagram is a split part (header FE FF FF FF). */
    public static boolean isSplit(byte[] b, int len) {
        return len >= 4 && b[0] == (byte) 0xFE && b[1] == -1 && b[2] == -1 && b[3] == -1;
    }

    /**
     * Takes one split datagram; returns the whole answer once every part is here, else null. A part of a
     * different answer (another ID) starts over: the earlier answer is abandoned.
     */
    public byte[] offer(byte[] b, int len) throws QueryException {
        Wire w = new Wire(A2s.PROTOCOL, b, 0, len);
        if (w.i32("split header") != A2s.SPLIT) throw new QueryException(A2s.PROTOCOL, 0, "not a split packet");
        int partId = w.i32("split id");
        if (partId < 0) throw new QueryException(A2s.PROTOCOL, 4, COMPRESSED);
        int total = w.u8("split total"), number = w.u8("split number");
        w.i16("split size");
        if (total < 1 || total > MAX_PARTS) throw new QueryException(A2s.PROTOCOL, 8, "split total out of range: " + total);
        if (number >= total) throw new QueryException(A2s.PROTOCOL, 9, "split number " + number + " not below total " + total);
        if (parts == null || partId != id) {
            id = partId;
            parts = new byte[total][];
            received = 0;
        } else if (parts.length != total) {
            throw new QueryException(A2s.PROTOCOL, 8, "split total changed from " + parts.length + " to " + total);
        }
        if (parts[number] == null) {
            parts[number] = w.rest();
            received++;
        }
        if (received < total) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        parts = null;
        return out.toByteArray();
    }

    public boolean pending() { return parts != null; }
}
