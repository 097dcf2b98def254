package netwarden.engine.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import netwarden.engine.sketch.AddressSet;
import netwarden.model.Packet;
import netwarden.model.TrafficRow;

/**
 * Exact traffic totals of a capture per (ip_version, proto, dst_port): packets, wire bytes,
 * captured bytes, IP bytes, distinct source addresses, SYN-only segments, first and later
 * fragments; plus {@link CaptureTotals} for the whole file.
 *
 * <p>Design notes: {@link #add} runs once per frame on the pipeline thread, so it allocates
 * nothing in the steady state: rows live in a primitive open-addressing map from a packed int key
 * to a row index, counters in one long array, sources in one {@link AddressSet} per row (exact at
 * any size; memory grows with distinct sources, 32 bytes per address at worst). Consecutive frames
 * usually share a row, so the last row is cached. Not thread-safe.
 *
 * <p>A frame's source counts only when its source address was read ({@link Packet#srcKnown}); non-IP
 * frames form the row (0, -1, -1), and IP frames whose header was bogus or cut before its protocol
 * the row (version, -1, -1).
 */
public final class TrafficTable {
    private static final int PACKETS = 0, WIRE = 1, CAPTURED = 2, IP = 3, SYN_ONLY = 4, FIRST_FRAG = 5, LATER_FRAG = 6;
    private static final int STRIDE = 7;

    private int[] keySlots = new int[64]; // row key, or -1 when empty
    private int[] rowOfSlot = new int[64];
    private int slotMask = 63;
    private int[] rowKeys = new int[16];
    private long[] counters = new long[16 * STRIDE];
    private AddressSet[] sources = new AddressSet[16];
    private int rows;
    private int lastKey = -1, lastRow = -1;

    private long frames, nonIp, truncated;
    private long firstTs, lastTs, minTs = Long.MAX_VALUE, maxTs = Long.MIN_VALUE;

    public TrafficTable() {
        Arrays.fill(keySlots, -1);
    }

    /** Counts one decoded frame. */
    public void add(Packet p) {
        if (frames == 0) firstTs = p.tsNanos;
        frames++;
        lastTs = p.tsNanos;
        if (p.tsNanos < minTs) minTs = p.tsNanos;
        if (p.tsNanos > maxTs) maxTs = p.tsNanos;
        if (p.ipVersion == 0) nonIp++;
        if (p.capLen < p.wireLen) truncated++;

        int key = key(p.ipVersion, p.proto, p.dstPort);
        int row = key == lastKey ? lastRow : row(key);
        lastKey = key;
        lastRow = row;
        int c = row * STRIDE;
        long[] k = counters;
        k[c + PACKETS]++;
        k[c + WIRE] += p.wireLen;
        k[c + CAPTURED] += p.capLen;
        k[c + IP] += p.ipBytes;
        if (p.synOnly()) k[c + SYN_ONLY]++;
        if (p.fragment == Packet.FRAG_FIRST) k[c + FIRST_FRAG]++;
        else if (p.fragment == Packet.FRAG_LATER) k[c + LATER_FRAG]++;
        if (p.srcKnown) sources[row].add(p.srcHi, p.srcLo);
    }

    /** Rows sorted by IP version (4, 6, then non-IP), protocol, destination port (-1 first). */
    public List<TrafficRow> rows() {
        List<TrafficRow> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int key = rowKeys[r], c = r * STRIDE;
            out.add(new TrafficRow(version(key), proto(key), port(key), counters[c + PACKETS], counters[c + WIRE],
                    counters[c + CAPTURED], counters[c + IP], sources[r].size(), counters[c + SYN_ONLY],
                    counters[c + FIRST_FRAG], counters[c + LATER_FRAG]));
        }
        out.sort(Comparator.comparingInt((TrafficRow t) -> t.ipVersion() == 0 ? Integer.MAX_VALUE : t.ipVersion())
                .thenComparingInt(TrafficRow::proto).thenComparingInt(TrafficRow::dstPort));
        return out;
    }

    public CaptureTotals totals() {
        return frames == 0 ? new CaptureTotals(0, 0, 0, 0, 0, 0, 0)
                : new CaptureTotals(frames, nonIp, truncated, firstTs, lastTs, minTs, maxTs);
    }

    /** Number of distinct (ip_version, proto, dst_port) rows so far. */
    public int rowCount() {
        return rows;
    }

    /** Packs version (0..15), proto (-1..255) and port (-1..65535) into a non-negative int. */
    private static int key(int version, int proto, int port) {
        return (version & 0xf) << 26 | ((proto + 1) & 0x1ff) << 17 | ((port + 1) & 0x1ffff);
    }

    private static int version(int key) {
        return key >>> 26;
    }

    private static int proto(int key) {
        return ((key >>> 17) & 0x1ff) - 1;
    }

    private static int port(int key) {
        return (key & 0x1ffff) - 1;
    }

    private int row(int key) {
        int i = slot(key, slotMask);
        while (keySlots[i] != -1) {
            if (keySlots[i] == key) return rowOfSlot[i];
            i = (i + 1) & slotMask;
        }
        int row = newRow(key);
        keySlots[i] = key;
        rowOfSlot[i] = row;
        if (rows > (slotMask + 1) / 2) rehash();
        return row;
    }

    private int newRow(int key) {
        if (rows == rowKeys.length) {
            rowKeys = Arrays.copyOf(rowKeys, rows * 2);
            counters = Arrays.copyOf(counters, rows * 2 * STRIDE);
            sources = Arrays.copyOf(sources, rows * 2);
        }
        rowKeys[rows] = key;
        sources[rows] = new AddressSet();
        return rows++;
    }

    private void rehash() {
        int capacity = (slotMask + 1) * 2;
        keySlots = new int[capacity];
        rowOfSlot = new int[capacity];
        Arrays.fill(keySlots, -1);
        slotMask = capacity - 1;
        for (int r = 0; r < rows; r++) {
            int i = slot(rowKeys[r], slotMask);
            while (keySlots[i] != -1) i = (i + 1) & slotMask;
            keySlots[i] = rowKeys[r];
            rowOfSlot[i] = r;
        }
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E37_79B9;
        return (h ^ (h >>> 15)) & mask;
    }
}
