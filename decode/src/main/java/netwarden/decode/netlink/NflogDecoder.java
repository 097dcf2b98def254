package netwarden.decode.netlink;

import java.nio.charset.StandardCharsets;

/**
 * Decodes NFULNL_MSG_PACKET messages (nfnetlink subsystem 4): the nfgenmsg (its res_id is the
 * group), NFULA_PACKET_HDR, NFULA_PREFIX, NFULA_PAYLOAD, NFULA_IFINDEX_INDEV/OUTDEV, NFULA_HWADDR,
 * NFULA_TIMESTAMP and NFULA_MARK.
 *
 * <p>Contract: pure; malformed or truncated input raises {@link NetlinkException} and nothing else.
 */
public final class NflogDecoder {
    static final String NAME = "nflog";
    public static final int NFULNL_MSG_PACKET = 0, NFULNL_MSG_CONFIG = 1;
    static final int NFULA_PACKET_HDR = 1, NFULA_MARK = 2, NFULA_TIMESTAMP = 3, NFULA_IFINDEX_INDEV = 4,
            NFULA_IFINDEX_OUTDEV = 5, NFULA_HWADDR = 8, NFULA_PAYLOAD = 9, NFULA_PREFIX = 10, NFULA_MAX = 10;

    private NflogDecoder() {}

    public static boolean accepts(NetlinkMessage m) {
        return m.subsystem() == Nl.NFNL_SUBSYS_ULOG && m.kind() == NFULNL_MSG_PACKET;
    }

    public static NflogPacket decode(NetlinkMessage m) throws NetlinkException {
        if (!accepts(m)) throw new NetlinkException(NAME, m.payload(), "not an NFLOG packet: type 0x" + Integer.toHexString(m.type()));
        if (m.payloadLength() < Nl.NFGENMSG_LEN)
            throw new NetlinkException(NAME, m.payload(), "nfgenmsg cut: " + m.payloadLength() + " bytes");
        byte[] b = m.buffer();
        int family = Nl.u8(b, m.payload()), group = Nl.u16be(b, m.payload() + 2);
        Attrs a = Attrs.parse(NAME, b, m.payload() + Nl.NFGENMSG_LEN, m.payload() + m.payloadLength(), NFULA_MAX);
        int hwProto = -1, hook = -1;
        if (a.has(NFULA_PACKET_HDR)) {
            hwProto = a.u16(NAME, "NFULA_PACKET_HDR", NFULA_PACKET_HDR);
            if (a.length(NFULA_PACKET_HDR) < 3) throw new NetlinkException(NAME, a.offset(NFULA_PACKET_HDR), "NFULA_PACKET_HDR is " + a.length(NFULA_PACKET_HDR) + " bytes, need 3");
            hook = Nl.u8(b, a.offset(NFULA_PACKET_HDR) + 2);
        }
        String prefix = "";
        if (a.has(NFULA_PREFIX)) {
            int from = a.offset(NFULA_PREFIX), end = from;
            while (end < from + a.length(NFULA_PREFIX) && b[end] != 0) end++;
            prefix = new String(b, from, end - from, StandardCharsets.UTF_8);
        }
        byte[] payload = a.has(NFULA_PAYLOAD) ? a.bytes(NAME, "NFULA_PAYLOAD", NFULA_PAYLOAD, a.length(NFULA_PAYLOAD)) : new byte[0];
        byte[] hw = null;
        if (a.has(NFULA_HWADDR)) {
            int n = a.u16(NAME, "NFULA_HWADDR", NFULA_HWADDR);
            if (n > 8 || a.length(NFULA_HWADDR) < 4 + n)
                throw new NetlinkException(NAME, a.offset(NFULA_HWADDR), "hw_addrlen " + n + " does not fit " + a.length(NFULA_HWADDR) + " bytes");
            hw = new byte[n];
            System.arraycopy(b, a.offset(NFULA_HWADDR) + 4, hw, 0, n);
        }
        long ts = -1;
        if (a.has(NFULA_TIMESTAMP)) {
            if (a.length(NFULA_TIMESTAMP) < 16)
                throw new NetlinkException(NAME, a.offset(NFULA_TIMESTAMP), "NFULA_TIMESTAMP is " + a.length(NFULA_TIMESTAMP) + " bytes, need 16");
            long sec = Nl.u64be(b, a.offset(NFULA_TIMESTAMP)), usec = Nl.u64be(b, a.offset(NFULA_TIMESTAMP) + 8);
            if (sec < 0 || sec > Long.MAX_VALUE / 1_000_000 - 1 || usec < 0 || usec >= 1_000_000)
                throw new NetlinkException(NAME, a.offset(NFULA_TIMESTAMP), "timestamp out of range: " + sec + " s " + usec + " us");
            ts = sec * 1_000_000 + usec;
        }
        return new NflogPacket(group, family, hwProto, hook, prefix, payload,
                a.has(NFULA_IFINDEX_INDEV) ? (int) a.u32(NAME, "NFULA_IFINDEX_INDEV", NFULA_IFINDEX_INDEV) : 0,
                a.has(NFULA_IFINDEX_OUTDEV) ? (int) a.u32(NAME, "NFULA_IFINDEX_OUTDEV", NFULA_IFINDEX_OUTDEV) : 0,
                hw, ts, a.has(NFULA_MARK) ? a.u32(NAME, "NFULA_MARK", NFULA_MARK) : -1);
    }
}
