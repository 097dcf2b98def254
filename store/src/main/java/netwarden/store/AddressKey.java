package netwarden.store;

import netwarden.model.Ip;

/**
 * An address as two order-preserving signed longs (the unsigned halves with their sign bit flipped), so an
 * address is an equality and a prefix a range on two BIGINT columns in either database.
 */
public record AddressKey(long hi, long lo) implements Comparable<AddressKey> {
    public static AddressKey of(Ip ip) {
        return new AddressKey(ip.hi() ^ Long.MIN_VALUE, ip.lo() ^ Long.MIN_VALUE);
    }

    @Override
    public int compareTo(AddressKey o) {
        int c = Long.compare(hi, o.hi);
        return c != 0 ? c : Long.compare(lo, o.lo);
    }

    /** First and last address of a prefix, as keys. */
    public record Range(AddressKey first, AddressKey last) {
        public boolean single() {
            return first.equals(last);
        }
    }

    /**
     * The range of {@code ip/bits}; for an IPv4 address {@code bits} counts IPv4 bits (0..32), else 0..128.
     *
     * @throws IllegalArgumentException when bits is out of range
     */
    public static Range prefix(Ip ip, int bits) {
        int max = ip.isV4() ? 32 : 128;
        if (bits < 0 || bits > max) throw new IllegalArgumentException("prefix length must be 0.." + max + ": " + bits);
        int total = ip.isV4() ? 96 + bits : bits;
        long hiMask = total >= 64 ? -1L : total == 0 ? 0 : -1L << (64 - total);
        long loMask = total <= 64 ? 0 : total == 128 ? -1L : -1L << (128 - total);
        Ip first = Ip.ofV6(ip.hi() & hiMask, ip.lo() & loMask);
        Ip last = Ip.ofV6(ip.hi() | ~hiMask, ip.lo() | ~loMask);
        return new Range(of(first), of(last));
    }
}
