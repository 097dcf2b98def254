package netwarden.decode.netlink;

import java.util.Arrays;

/**
 * The attributes of one nesting level, indexed by type (the first of a repeated type wins; types
 * above the decoder's maximum are skipped, as the kernel adds new ones over time).
 */
final class Attrs {
    private final byte[] b;
    private final int[] off, len;

    private Attrs(byte[] b, int max) {
        this.b = b;
        this.off = new int[max + 1];
        this.len = new int[max + 1];
        Arrays.fill(off, -1);
    }

    /** Parses {@code [from, to)} of {@code b} as a run of nlattrs. */
    static Attrs parse(String decoder, byte[] b, int from, int to, int max) throws NetlinkException {
        Attrs a = new Attrs(b, max);
        int at = from;
        while (at < to) {
            if (to - at < Nl.NLA_HDRLEN) throw new NetlinkException(decoder, at, "attribute header cut: " + (to - at) + " bytes left");
            int l = Nl.u16h(b, at), type = Nl.u16h(b, at + 2) & Nl.NLA_TYPE_MASK;
            if (l < Nl.NLA_HDRLEN || l > to - at)
                throw new NetlinkException(decoder, at, "nla_len " + l + " of attribute " + type + " outside [4, " + (to - at) + "]");
            if (type <= max && a.off[type] < 0) {
                a.off[type] = at + Nl.NLA_HDRLEN;
                a.len[type] = l - Nl.NLA_HDRLEN;
            }
            at += Math.min(Nl.align(l), to - at);
        }
        return a;
    }

    boolean has(int type) {
        return off[type] >= 0;
    }

    int offset(int type) {
        return off[type];
    }

    int length(int type) {
        return len[type];
    }

    Attrs nested(String decoder, int type, int max) throws NetlinkException {
        return has(type) ? parse(decoder, b, off[type], off[type] + len[type], max) : null;
    }

    private void need(String decoder, String name, int type, int n) throws NetlinkException {
        if (len[type] < n) throw new NetlinkException(decoder, off[type], name + " is " + len[type] + " bytes, need " + n);
    }

    int u8(String decoder, String name, int type) throws NetlinkException {
        need(decoder, name, type, 1);
        return Nl.u8(b, off[type]);
    }

    int u16(String decoder, String name, int type) throws NetlinkException {
        need(decoder, name, type, 2);
        return Nl.u16be(b, off[type]);
    }

    long u32(String decoder, String name, int type) throws NetlinkException {
        need(decoder, name, type, 4);
        return Nl.u32be(b, off[type]) & 0xffffffffL;
    }

    long u64(String decoder, String name, int type) throws NetlinkException {
        need(decoder, name, type, 8);
        return Nl.u64be(b, off[type]);
    }

    byte[] bytes(String decoder, String name, int type, int n) throws NetlinkException {
        need(decoder, name, type, n);
        return Arrays.copyOfRange(b, off[type], off[type] + n);
    }
}
