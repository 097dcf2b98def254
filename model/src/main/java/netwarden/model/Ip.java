package netwarden.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs, so hot paths can key maps without allocating.
 * IPv4 is stored IPv4-mapped ({@code ::ffff:a.b.c.d}), which makes one key type serve both
 * families; {@link #isV4()} tells them apart and {@link #toString()} prints each in its own form.
 */
public record Ip(long hi, long lo) implements Comparable<Ip> {
    private static final long V4_MAPPED = 0x0000_ffff_0000_0000L;

    public static Ip ofV4(int v4) {
        return new Ip(0, V4_MAPPED | (v4 & 0xffff_ffffL));
    }

    public static Ip ofV6(long hi, long lo) {
        return new Ip(hi, lo);
    }

    /** True when hi/lo hold an IPv4-mapped address; usable on raw longs in hot loops. */
    public static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo & 0xffff_ffff_0000_0000L) == V4_MAPPED;
    }

    public boolean isV4() {
        return isV4(hi, lo);
    }

    /** The IPv4 address as an int; only meaningful when {@link #isV4()}. */
    public int v4() {
        return (int) lo;
    }

    /** Parses a literal IPv4 or IPv6 address (no host names are resolved). */
    public static Ip parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("address must not be empty");
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        boolean literal = s.indexOf(':') >= 0 || s.matches("[0-9.]+");
        if (!literal) throw new IllegalArgumentException("not an IP address literal: " + text);
        try {
            return of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + text, e);
        }
    }

    public static Ip of(byte[] b) {
        if (b.length == 4) return ofV4(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
        if (b.length != 16) throw new IllegalArgumentException("address must be 4 or 16 bytes: " + b.length);
        long h = 0, l = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) l = (l << 8) | (b[i] & 0xff);
        return new Ip(h, l);
    }

    public byte[] bytes() {
        if (isV4()) {
            int v = v4();
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) b[i] = (byte) (hi >>> (56 - 8 * i));
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        return b;
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: length is 4 or 16
        }
    }

    @Override
    public String toString() {
        if (isV4()) {
            int v = v4();
            return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
        }
        return V6Text.format(hi, lo);
    }

    @Override
    public int compareTo(Ip o) {
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }
}
