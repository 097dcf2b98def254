package netwarden.testkit;

import netwarden.model.Ip;

/**
 * Builds an IPv4 packet around a payload. Defaults: TTL 64, no options, not fragmented, correct
 * header length and total length; every field can be set to any value, including wrong ones.
 */
public final class Ipv4Builder {
    private final int src, dst;
    private int ttl = 64, id = 1, version = 4, ihlOverride = -1, totalLengthOverride = -1;
    private int fragmentOffsetUnits;
    private boolean moreFragments, dontFragment;
    private byte[] options = new byte[0];

    Ipv4Builder(String src, String dst) {
        this.src = v4(src);
        this.dst = v4(dst);
    }

    public Ipv4Builder ttl(int v) { ttl = v; return this; }

    public Ipv4Builder id(int v) { id = v; return this; }

    /** Raw option bytes, zero-padded to a multiple of 4 (End of Option List). */
    public Ipv4Builder options(byte[] v) { options = v.clone(); return this; }

    /** Fragment offset in 8-byte units and the more-fragments flag. */
    public Ipv4Builder fragment(int offsetUnits, boolean more) {
        fragmentOffsetUnits = offsetUnits;
        moreFragments = more;
        return this;
    }

    public Ipv4Builder dontFragment() { dontFragment = true; return this; }

    /** Overrides the version nibble (to build bogus packets). */
    public Ipv4Builder version(int v) { version = v; return this; }

    /** Overrides the header length nibble, in 32-bit words. */
    public Ipv4Builder ihl(int words) { ihlOverride = words; return this; }

    /** Overrides the Total Length field. */
    public Ipv4Builder totalLength(int v) { totalLengthOverride = v; return this; }

    /** The packet: header, options, then {@code payload} carried as protocol {@code proto}. */
    public byte[] packet(int proto, byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        int ihl = ihlOverride >= 0 ? ihlOverride : (20 + optLen) / 4;
        int total = totalLengthOverride >= 0 ? totalLengthOverride : 20 + optLen + payload.length;
        int flagsOffset = (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | (fragmentOffsetUnits & 0x1fff);
        ByteWriter w = new ByteWriter().u8((version << 4) | (ihl & 0x0f)).u8(0).u16(total).u16(id)
                .u16(flagsOffset).u8(ttl).u8(proto).u16(0).u32(src & 0xffff_ffffL).u32(dst & 0xffff_ffffL)
                .bytes(options).zeros(optLen - options.length);
        byte[] out = w.bytes(payload).toByteArray();
        int sum = checksum(out, Math.min(20 + optLen, out.length));
        out[10] = (byte) (sum >>> 8);
        out[11] = (byte) sum;
        return out;
    }

    static int v4(String text) {
        Ip ip = Ip.parse(text);
        if (!ip.isV4()) throw new IllegalArgumentException("not an IPv4 address: " + text);
        return ip.v4();
    }

    /** The Internet checksum over the header, so tshark-style tools do not flag our fixtures. */
    private static int checksum(byte[] b, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }
}
