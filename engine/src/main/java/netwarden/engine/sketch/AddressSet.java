package netwarden.engine.sketch;

import netwarden.model.Ip;

/**
 * An exact set of IP addresses given as (hi, lo) long pairs, the form {@link Ip} and
 * {@link netwarden.model.Packet} use. Open addressing with linear probing, no boxing, no allocation
 * per add (only growth doubles a table); load factor at most 1/2.
 *
 * <p>IPv4 addresses (IPv4-mapped pairs) go to an int table, 4 bytes a slot instead of 16, which keeps
 * a flood's hundred thousand sources inside the CPU cache; other addresses go to an interleaved
 * long-pair table. Zero marks empty slots in both, so the zero address of each kind is a flag.
 */
public final class AddressSet {
    private static final int MIN_CAPACITY = 8;

    private int[] v4 = new int[MIN_CAPACITY];
    private int v4Shift = 32 - 3;
    private int v4Size;
    private boolean v4Zero;

    private long[] v6 = new long[2 * MIN_CAPACITY]; // hi at 2*i, lo at 2*i + 1
    private int v6Mask = MIN_CAPACITY - 1;
    private int v6Size;
    private boolean v6Zero;

    public AddressSet() {}

    /** A set sized for about {@code expected} addresses of either family. */
    public AddressSet(int expected) {
        int cap = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
        v4 = new int[cap];
        v4Shift = 32 - Integer.numberOfTrailingZeros(cap);
    }

    /** Adds the address; true if it was not there yet. */
    public boolean add(long hi, long lo) {
        return Ip.isV4(hi, lo) ? addV4((int) lo) : addV6(hi, lo);
    }

    public boolean contains(long hi, long lo) {
        return Ip.isV4(hi, lo) ? containsV4((int) lo) : containsV6(hi, lo);
    }

    public int size() {
        return v4Size + v6Size;
    }

    /** Empties the set, keeping its capacity so a per-second set does not reallocate. */
    public void clear() {
        if (v4Size > 0) java.util.Arrays.fill(v4, 0);
        if (v6Size > 0) java.util.Arrays.fill(v6, 0);
        v4Size = v6Size = 0;
        v4Zero = v6Zero = false;
    }

    /** Calls the consumer once for every address in the set. */
    public void forEach(PairConsumer c) {
        if (v4Zero) c.accept(0, Ip.ofV4(0).lo());
        for (int a : v4) if (a != 0) c.accept(0, Ip.ofV4(a).lo());
        if (v6Zero) c.accept(0, 0);
        for (int j = 0; j < v6.length; j += 2) if (v6[j] != 0 || v6[j + 1] != 0) c.accept(v6[j], v6[j + 1]);
    }

    @FunctionalInterface
    public interface PairConsumer {
        void accept(long hi, long lo);
    }

    private boolean addV4(int a) {
        if (a == 0) {
            if (v4Zero) return false;
            v4Zero = true;
            v4Size++;
            return true;
        }
        int[] t = v4;
        int mask = t.length - 1;
        int i = (a * 0x9E37_79B9) >>> v4Shift;
        for (int v; (v = t[i]) != 0; i = (i + 1) & mask) {
            if (v == a) return false;
        }
        t[i] = a;
        if (++v4Size > t.length / 2) growV4();
        return true;
    }

    private boolean containsV4(int a) {
        if (a == 0) return v4Zero;
        int mask = v4.length - 1;
        for (int i = (a * 0x9E37_79B9) >>> v4Shift, v; (v = v4[i]) != 0; i = (i + 1) & mask) {
            if (v == a) return true;
        }
        return false;
    }

    private void growV4() {
        int[] old = v4;
        v4 = new int[old.length * 2];
        v4Shift--;
        int mask = v4.length - 1;
        for (int a : old) {
            if (a == 0) continue;
            int i = (a * 0x9E37_79B9) >>> v4Shift;
            while (v4[i] != 0) i = (i + 1) & mask;
            v4[i] = a;
        }
    }

    private boolean addV6(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            if (v6Zero) return false;
            v6Zero = true;
            v6Size++;
            return true;
        }
        long[] t = v6;
        int i = v6Index(hi, lo, v6Mask);
        for (long h, l; (h = t[2 * i]) != 0 | (l = t[2 * i + 1]) != 0; i = (i + 1) & v6Mask) {
            if (h == hi && l == lo) return false;
        }
        t[2 * i] = hi;
        t[2 * i + 1] = lo;
        if (++v6Size > (v6Mask + 1) / 2) growV6();
        return true;
    }

    private boolean containsV6(long hi, long lo) {
        if (hi == 0 && lo == 0) return v6Zero;
        for (int i = v6Index(hi, lo, v6Mask); v6[2 * i] != 0 || v6[2 * i + 1] != 0; i = (i + 1) & v6Mask) {
            if (v6[2 * i] == hi && v6[2 * i + 1] == lo) return true;
        }
        return false;
    }

    private void growV6() {
        long[] old = v6;
        int capacity = (v6Mask + 1) * 2;
        v6 = new long[2 * capacity];
        v6Mask = capacity - 1;
        for (int j = 0; j < old.length; j += 2) {
            long h = old[j], l = old[j + 1];
            if (h == 0 && l == 0) continue;
            int i = v6Index(h, l, v6Mask);
            while (v6[2 * i] != 0 || v6[2 * i + 1] != 0) i = (i + 1) & v6Mask;
            v6[2 * i] = h;
            v6[2 * i + 1] = l;
        }
    }

    /** Mixes both halves: addresses in one /64 differ only in the low half. */
    private static int v6Index(long hi, long lo, int mask) {
        long x = (lo ^ (hi * 0x9E37_79B9_7F4A_7C15L)) * 0xBF58_476D_1CE4_E5B9L;
        x ^= x >>> 31;
        return (int) x & mask;
    }
}
