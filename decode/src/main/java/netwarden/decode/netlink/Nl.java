package netwarden.decode.netlink;

import java.nio.ByteOrder;

/**
 * Netlink constants and byte readers. Netlink headers and attribute headers are in the host's byte
 * order; the netfilter payloads (counters, ports, ids) are big-endian.
 */
public final class Nl {
    public static final int NLMSG_HDRLEN = 16, NFGENMSG_LEN = 4, NLA_HDRLEN = 4;
    public static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_OVERRUN = 4;
    public static final int NLM_F_REQUEST = 1, NLM_F_MULTI = 2, NLM_F_ACK = 4, NLM_F_DUMP = 0x300;
    public static final int NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400;
    public static final int NLA_F_NESTED = 0x8000, NLA_F_NET_BYTEORDER = 0x4000, NLA_TYPE_MASK = 0x3fff;
    public static final int NFNL_SUBSYS_CTNETLINK = 1, NFNL_SUBSYS_ULOG = 4;
    public static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
    private static final boolean LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private Nl() {}

    public static int align(int n) {
        return (n + 3) & ~3;
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    static int u16be(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    static int u32be(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    static long u64be(byte[] b, int at) {
        return (long) u32be(b, at) << 32 | u32be(b, at + 4) & 0xffffffffL;
    }

    /** Host-order 16-bit value. */
    static int u16h(byte[] b, int at) {
        return LE ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : u16be(b, at);
    }

    /** Host-order 32-bit value. */
    static int u32h(byte[] b, int at) {
        return LE ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24 : u32be(b, at);
    }

    static void put16h(byte[] b, int at, int v) {
        if (LE) { b[at] = (byte) v; b[at + 1] = (byte) (v >>> 8); } else { b[at] = (byte) (v >>> 8); b[at + 1] = (byte) v; }
    }

    static void put32h(byte[] b, int at, int v) {
        if (LE) {
            for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> 8 * i);
        } else {
            for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> 8 * (3 - i));
        }
    }
}
