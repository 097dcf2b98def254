package netwarden.decode;

/**
 * pcapng timestamp units to nanoseconds. The if_tsresol option byte says the unit: high bit clear
 * means 10^-n seconds, high bit set means 2^-n seconds (n = low 7 bits); absent means 10^-6.
 * Timestamps are unsigned 64-bit counts; results past the range of a long wrap, as garbage in gives
 * garbage out without failing the file.
 */
final class Timestamps {
    static final int MICROS = 6;
    private static final long NANOS = 1_000_000_000L;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private Timestamps() {}

    static long toNanos(int tsresol, long units) {
        if ((tsresol & 0x80) == 0) return fromPowerOf10(tsresol, units);
        return fromPowerOf2(tsresol & 0x7f, units);
    }

    private static long fromPowerOf10(int n, long units) {
        if (n == MICROS) return units * 1000;
        if (n <= 9) return units * POW10[9 - n];
        int divExp = n - 9;
        if (divExp <= 18) return Long.divideUnsigned(units, POW10[divExp]);
        long q = Long.divideUnsigned(units, POW10[18]);
        for (int i = 18; i < divExp && q != 0; i++) q /= 10;
        return q;
    }

    /** Exact: whole seconds times 10^9 plus the fraction scaled through a 128-bit product. */
    private static long fromPowerOf2(int bits, long units) {
        if (bits == 0) return units * NANOS;
        long seconds = bits >= 64 ? 0 : units >>> bits;
        long fraction = bits >= 64 ? units : units & ((1L << bits) - 1);
        long lo = fraction * NANOS;
        long hi = Math.unsignedMultiplyHigh(fraction, NANOS);
        long fractionNanos = bits < 64 ? (hi << (64 - bits)) | (lo >>> bits) : hi >>> (bits - 64);
        return seconds * NANOS + fractionNanos;
    }
}
