package netwarden.sources.query;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles an A2S multi-packet answer (header FE FF FF FF, then a long ID) in any of the three layouts
 * the Valve wiki's "Server queries" page describes:
 * <ul>
 *   <li>Source: Total (byte), Number (byte), Size (short), payload;</li>
 *   <li>Source without Size (App IDs 215, 17550, 17700, 240 with protocol 7): Total, Number, payload;</li>
 *   <li>GoldSource: one byte, packet number in its upper 4 bits and total in its lower 4, payload.</li>
 * </ul>
 * The payloads in Number order form one simple answer, which starts FF FF FF FF; so the first part
 * (number 0) tells the layout: that is where the payload's FF FF FF FF stands. Parts that arrive before
 * it wait (at most {@value #MAX_PARTS}). Pure; one instance per exchange.
 *
 * <p>Compressed answers (Source, ID's most significant bit set = bzip2) are refused ({@link QueryException}
 * with reason {@link #COMPRESSED}): only a few pre-Orange-Box games send them.
 */
public final class A2sSplit {
    public static final String COMPRESSED = "compressed (bzip2) split answer refused";
    private static final int MAX_PARTS = 32; // 32 x 1248 bytes: far more than any A2S_PLAYER needs
    private static final int ID_END = 8;     // header and ID

    /** Where the split header ends and how Total and Number are read. */
    enum Layout {
        SOURCE(12), SOURCE_WITHOUT_SIZE(10), GOLDSOURCE(9);

        final int payloadAt;

        Layout(int payloadAt) { this.payloadAt = payloadAt; }
    }

    private int id;
    private Layout layout;                                  // null until the first part shows it
    private final List<byte[]> early = new ArrayList<>();   // parts that came before the first part
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
        w.u8("split header"); // the shortest layout (GoldSource) has one byte after the ID
        if (!pending() || partId != id) {
            id = partId;
            layout = null;
            early.clear();
            parts = null;
        }
        if (layout == null) {
            layout = layoutOf(b, len);
            if (layout == null) {
                if (early.size() >= MAX_PARTS) throw new QueryException(A2s.PROTOCOL, 8, "more than " + MAX_PARTS + " parts before the first");
                early.add(java.util.Arrays.copyOf(b, len));
                return null;
            }
            byte[] whole = take(b, len);
            for (byte[] e : early) if (whole == null) whole = take(e, e.length);
            early.clear();
            return whole;
        }
        return take(b, len);
    }

    /** The layout a first part (number 0) shows by where its payload's FF FF FF FF stands; null for a later part. */
    static Layout layoutOf(byte[] b, int len) {
        if (len > ID_END && (b[ID_END] & 0xF0) == 0 && simpleHeaderAt(b, len, Layout.GOLDSOURCE.payloadAt)) return Layout.GOLDSOURCE;
        if (len > ID_END + 1 && b[ID_END + 1] == 0) {
            if (simpleHeaderAt(b, len, Layout.SOURCE.payloadAt)) return Layout.SOURCE;
            if (simpleHeaderAt(b, len, Layout.SOURCE_WITHOUT_SIZE.payloadAt)) return Layout.SOURCE_WITHOUT_SIZE;
        }
        return null;
    }

    private static boolean simpleHeaderAt(byte[] b, int len, int at) {
        return len >= at + 4 && b[at] == -1 && b[at + 1] == -1 && b[at + 2] == -1 && b[at + 3] == -1;
    }

    private byte[] take(byte[] b, int len) throws QueryException {
        Wire w = new Wire(A2s.PROTOCOL, b, 0, len);
        w.i32("split header");
        w.i32("split id");
        int total, number;
        if (layout == Layout.GOLDSOURCE) {
            int both = w.u8("split number and total");
            total = both & 0x0F;
            number = both >>> 4;
        } else {
            total = w.u8("split total");
            number = w.u8("split number");
            if (layout == Layout.SOURCE) w.i16("split size");
        }
        if (total < 1 || total > MAX_PARTS) throw new QueryException(A2s.PROTOCOL, ID_END, "split total out of range: " + total);
        if (number >= total) throw new QueryException(A2s.PROTOCOL, ID_END, "split number " + number + " not below total " + total);
        if (parts == null) {
            parts = new byte[total][];
            received = 0;
        } else if (parts.length != total) {
            throw new QueryException(A2s.PROTOCOL, ID_END, "split total changed from " + parts.length + " to " + total);
        }
        if (parts[number] == null) {
            parts[number] = w.rest();
            received++;
        }
        if (received < total) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        parts = null;
        layout = null;
        return out.toByteArray();
    }

    public boolean pending() { return parts != null || !early.isEmpty(); }
}
