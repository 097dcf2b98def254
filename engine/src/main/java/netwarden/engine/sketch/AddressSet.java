package netwarden.engine.sketch;

import java.util.Arrays;

/**
 * Exact set of 128-bit addresses (two longs), open addressing with linear probing, no boxing.
 * Grows by doubling; {@link #clear()} keeps the capacity so a per-second set does not reallocate.
 * The all-zero address (::) is stored in a side flag because (0, 0) marks an empty slot.
 */
public final class AddressSet {
    private long[] his;
    private long[] los;
    private int mask;
    private int size;
    private boolean hasZero;

    public AddressSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        his = new long[cap];
        los = new long[cap];
        mask = cap - 1;
    }

    /** Adds the address; returns true when it was not present. */
    public boolean add(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        int i = (int) Hashing.hash(hi, lo) & mask;
        while (true) {
            long h = his[i], l = los[i];
            if (h == 0 && l == 0) break;
            if (h == hi && l == lo) return false;
            i = (i + 1) & mask;
        }
        his[i] = hi;
        los[i] = lo;
        if (++size * 2 > his.length) grow();
        return true;
    }

    public int size() {
        return size;
    }

    public void clear() {
        if (size == 0) return;
        Arrays.fill(his, 0);
        Arrays.fill(los, 0);
        size = 0;
        hasZero = false;
    }

    /** Calls the consumer for every address in the set. */
    public void forEach(PairConsumer c) {
        if (hasZero) c.accept(0, 0);
        for (int i = 0; i < his.length; i++) if (his[i] != 0 || los[i] != 0) c.accept(his[i], los[i]);
    }

    @FunctionalInterface
    public interface PairConsumer {
        void accept(long hi, long lo);
    }

    private void grow() {
        long[] oh = his, ol = los;
        his = new long[oh.length * 2];
        los = new long[oh.length * 2];
        mask = his.length - 1;
        for (int j = 0; j < oh.length; j++) {
            long h = oh[j], l = ol[j];
            if (h == 0 && l == 0) continue;
            int i = (int) Hashing.hash(h, l) & mask;
            while (his[i] != 0 || los[i] != 0) i = (i + 1) & mask;
            his[i] = h;
            los[i] = l;
        }
    }
}
