package netwarden.enrich;

import netwarden.model.Ip;

/**
 * Private and special-purpose ranges (RFC 6890 and its IPv6 registry): labelled instead of looked
 * up, because no GeoIP database can say anything true about them. Labels: "private" (RFC 1918,
 * fc00::/7), "loopback", "link-local", "cgnat" (100.64.0.0/10), "documentation", "multicast",
 * "benchmarking", "unspecified" (0.0.0.0/8, ::), "broadcast", "reserved" (240.0.0.0/4 and other
 * protocol ranges). Pure and allocation-free; thread-safe.
 */
public final class ReservedRanges {
    private record V4(int network, int prefix, String label) {}

    private record V6(long hi, long lo, int prefix, String label) {}

    private static final V4[] V4_RANGES = {
        v4(0, 0, 0, 0, 8, "unspecified"),
        v4(10, 0, 0, 0, 8, "private"),
        v4(100, 64, 0, 0, 10, "cgnat"),
        v4(127, 0, 0, 0, 8, "loopback"),
        v4(169, 254, 0, 0, 16, "link-local"),
        v4(172, 16, 0, 0, 12, "private"),
        v4(192, 0, 0, 0, 24, "reserved"),
        v4(192, 0, 2, 0, 24, "documentation"),
        v4(192, 88, 99, 0, 24, "reserved"),
        v4(192, 168, 0, 0, 16, "private"),
        v4(198, 18, 0, 0, 15, "benchmarking"),
        v4(198, 51, 100, 0, 24, "documentation"),
        v4(203, 0, 113, 0, 24, "documentation"),
        v4(224, 0, 0, 0, 4, "multicast"),
        v4(255, 255, 255, 255, 32, "broadcast"),
        v4(240, 0, 0, 0, 4, "reserved"),
    };

    private static final V6[] V6_RANGES = {
        new V6(0, 0, 128, "unspecified"),
        new V6(0, 1, 128, "loopback"),
        new V6(0x0100_0000_0000_0000L, 0, 64, "reserved"), // discard-only
        new V6(0x2001_0db8_0000_0000L, 0, 32, "documentation"),
        new V6(0x3fff_0000_0000_0000L, 0, 20, "documentation"),
        new V6(0xfc00_0000_0000_0000L, 0, 7, "private"), // unique local
        new V6(0xfe80_0000_0000_0000L, 0, 10, "link-local"),
        new V6(0xff00_0000_0000_0000L, 0, 8, "multicast"),
    };

    private ReservedRanges() {}

    /** Every label {@link #label} can return. */
    public static java.util.Set<String> labels() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (V4 r : V4_RANGES) out.add(r.label);
        for (V6 r : V6_RANGES) out.add(r.label);
        return out;
    }

    /** The label of the special range holding the address, or null for an ordinary public address. */
    public static String label(long hi, long lo) {
        if (Ip.isV4(hi, lo)) {
            int v = (int) lo;
            for (V4 r : V4_RANGES) if (((v ^ r.network) & mask32(r.prefix)) == 0) return r.label;
            return null;
        }
        for (V6 r : V6_RANGES) if (matches(hi, lo, r)) return r.label;
        return null;
    }

    public static String label(Ip address) {
        return label(address.hi(), address.lo());
    }

    private static boolean matches(long hi, long lo, V6 r) {
        if (r.prefix <= 64) return ((hi ^ r.hi) & mask64(r.prefix)) == 0;
        return hi == r.hi && ((lo ^ r.lo) & mask64(r.prefix - 64)) == 0;
    }

    private static int mask32(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static long mask64(int prefix) {
        return prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static V4 v4(int a, int b, int c, int d, int prefix, String label) {
        return new V4((a << 24) | (b << 16) | (c << 8) | d, prefix, label);
    }
}
