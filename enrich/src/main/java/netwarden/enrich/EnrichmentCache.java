package netwarden.enrich;

/**
 * A bounded, address-keyed cache of settled {@link Enrichment}s: 4-way set-associative over a plain
 * array, keyed by the two longs of an address, so a hit neither allocates nor locks.
 *
 * <p>Design notes: any thread may read and write. Entries are immutable records whose fields are
 * final, so a reader that races a writer sees either the old or the new entry, fully built (final
 * field semantics), never a torn one; a lost race only costs a later miss. When all four ways of a
 * set are taken, a victim is chosen from the key's hash, which is close enough to random replacement
 * for a cache whose misses are resolved off the hot path.
 */
final class EnrichmentCache {
    private static final int WAYS = 4;

    private record Entry(long hi, long lo, Enrichment value) {}

    private final Entry[] slots;
    private final int mask;

    /** @param capacity entries held at most; rounded up to a power of two, at least 16 */
    EnrichmentCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("cache-size must be positive: " + capacity);
        if (capacity > 1 << 30) throw new IllegalArgumentException("cache-size must be at most 2^30: " + capacity);
        int size = capacity <= 16 ? 16 : Integer.highestOneBit(capacity - 1) << 1;
        slots = new Entry[size];
        mask = size - 1;
    }

    /** The cached value, or null. */
    Enrichment get(long hi, long lo) {
        int set = set(hi, lo);
        for (int w = 0; w < WAYS; w++) {
            Entry e = slots[set + w];
            if (e != null && e.hi == hi && e.lo == lo) return e.value;
        }
        return null;
    }

    void put(long hi, long lo, Enrichment value) {
        int set = set(hi, lo);
        int free = -1;
        for (int w = 0; w < WAYS; w++) {
            Entry e = slots[set + w];
            if (e == null) {
                if (free < 0) free = w;
            } else if (e.hi == hi && e.lo == lo) {
                free = w;
                break;
            }
        }
        if (free < 0) free = (int) (mix(hi, lo) >>> 61) & (WAYS - 1);
        slots[set + free] = new Entry(hi, lo, value);
    }

    int capacity() {
        return slots.length;
    }

    private int set(long hi, long lo) {
        return (int) mix(hi, lo) & mask & ~(WAYS - 1);
    }

    /** A 64-bit finaliser (from SplitMix64) over both halves, so neighbouring addresses spread out. */
    private static long mix(long hi, long lo) {
        long z = lo * 0x9e37_79b9_7f4a_7c15L ^ hi;
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }
}
