package netwarden.engine.flow;

import netwarden.engine.sketch.Hashing;

/**
 * Open-addressing hash index from a three-long key to an entry, with linear probing and
 * backward-shift deletion (no tombstones, so lookups stay short after churn). Allocation-free
 * lookups are the point: the hot path probes with raw longs, never a key object. Hashes sit in a
 * parallel int array that alone marks which slots are used (0 = empty; a hash of 0 is stored as
 * 1), so a probe reads only that array until a hash matches: a lookup that finds nothing (a
 * flood's new source) costs one cache miss, not two, and meeting another key costs no dereference.
 * Not thread-safe; owned by the pipeline thread.
 */
public final class KeyedTable<T extends Keyed> {
    private Keyed[] slots;
    private int[] hashes;
    private int mask;
    private int size;

    public KeyedTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new Keyed[cap];
        hashes = new int[cap];
        mask = cap - 1;
    }

    public static int hash(long k1, long k2, long k3) {
        return (int) Hashing.hash(k1, k2, k3);
    }

    @SuppressWarnings("unchecked")
    public T get(long k1, long k2, long k3, int hash) {
        int h = stored(hash);
        int[] hs = hashes;
        int i = h & mask;
        for (int s; (s = hs[i]) != 0; i = (i + 1) & mask) {
            if (s == h) {
                Keyed e = slots[i];
                if (e.k1 == k1 && e.k2 == k2 && e.k3 == k3) return (T) e;
            }
        }
        return null;
    }

    /** Inserts an entry whose key is not present (the caller looked it up first). */
    public void insert(T entry) {
        if ((size + 1) * 2 > slots.length) grow();
        place(entry);
        size++;
    }

    /** Removes this exact entry; returns false when it was not in the table. */
    public boolean remove(T entry) {
        int i = stored(entry.hash) & mask;
        while (slots[i] != entry) {
            if (hashes[i] == 0) return false;
            i = (i + 1) & mask;
        }
        slots[i] = null;
        hashes[i] = 0;
        size--;
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = i;
        int j = (i + 1) & mask;
        while (hashes[j] != 0) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[hole] = slots[j];
                hashes[hole] = hashes[j];
                slots[j] = null;
                hashes[j] = 0;
                hole = j;
            }
            j = (j + 1) & mask;
        }
        return true;
    }

    public int size() {
        return size;
    }

    /** The hash as kept in {@link #hashes}: never 0, which marks an empty slot. */
    private static int stored(int hash) {
        return hash == 0 ? 1 : hash;
    }

    private void place(Keyed e) {
        int h = stored(e.hash);
        int i = h & mask;
        while (hashes[i] != 0) i = (i + 1) & mask;
        slots[i] = e;
        hashes[i] = h;
    }

    private void grow() {
        Keyed[] old = slots;
        slots = new Keyed[old.length * 2];
        hashes = new int[old.length * 2];
        mask = slots.length - 1;
        for (Keyed e : old) if (e != null) place(e);
    }
}
