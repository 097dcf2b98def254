package netwarden.engine.sketch;

/** 64-bit mixing for address keys (Murmur3 fmix64 finaliser), shared by the hash tables and sketches. */
public final class Hashing {
    private Hashing() {}

    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public static long hash(long hi, long lo) {
        return mix(hi * 0x9E3779B97F4A7C15L + Long.rotateLeft(lo, 31) + lo);
    }

    public static long hash(long hi, long lo, long extra) {
        return mix(hash(hi, lo) ^ (extra * 0xC2B2AE3D27D4EB4FL));
    }
}
