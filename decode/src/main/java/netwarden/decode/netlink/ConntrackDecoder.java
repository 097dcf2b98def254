package netwarden.decode.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decodes ctnetlink messages (nfnetlink subsystem 1): the nfgenmsg, then nested attributes
 * CTA_TUPLE_ORIG/REPLY (CTA_TUPLE_IP v4/v6, CTA_TUPLE_PROTO ports or ICMP), CTA_COUNTERS_ORIG/REPLY
 * (64- or 32-bit big-endian), CTA_STATUS, CTA_TIMEOUT, CTA_ID and CTA_MARK.
 *
 * <p>Contract: pure; every malformed or truncated input raises {@link NetlinkException} and nothing
 * else. Unknown attributes are skipped.
 */
public final class ConntrackDecoder {
    static final String NAME = "ctnetlink";
    public static final int IPCTNL_MSG_CT_NEW = 0, IPCTNL_MSG_CT_GET = 1, IPCTNL_MSG_CT_DELETE = 2;
    static final int CTA_TUPLE_ORIG = 1, CTA_TUPLE_REPLY = 2, CTA_STATUS = 3, CTA_TIMEOUT = 7, CTA_MARK = 8,
            CTA_COUNTERS_ORIG = 9, CTA_COUNTERS_REPLY = 10, CTA_ID = 12, CTA_MAX = 12;
    static final int CTA_TUPLE_IP = 1, CTA_TUPLE_PROTO = 2, CTA_TUPLE_MAX = 2;
    static final int CTA_IP_V4_SRC = 1, CTA_IP_V4_DST = 2, CTA_IP_V6_SRC = 3, CTA_IP_V6_DST = 4, CTA_IP_MAX = 4;
    static final int CTA_PROTO_NUM = 1, CTA_PROTO_SRC_PORT = 2, CTA_PROTO_DST_PORT = 3, CTA_PROTO_ICMP_ID = 4,
            CTA_PROTO_ICMP_TYPE = 5, CTA_PROTO_ICMP_CODE = 6, CTA_PROTO_ICMPV6_ID = 7, CTA_PROTO_ICMPV6_TYPE = 8,
            CTA_PROTO_ICMPV6_CODE = 9, CTA_PROTO_MAX = 9;
    static final int CTA_COUNTERS_PACKETS = 1, CTA_COUNTERS_BYTES = 2, CTA_COUNTERS32_PACKETS = 3,
            CTA_COUNTERS32_BYTES = 4, CTA_COUNTERS_MAX = 4;

    private ConntrackDecoder() {}

    /** True for messages this decoder reads (ctnetlink NEW or DELETE). */
    public static boolean accepts(NetlinkMessage m) {
        return m.subsystem() == Nl.NFNL_SUBSYS_CTNETLINK && (m.kind() == IPCTNL_MSG_CT_NEW || m.kind() == IPCTNL_MSG_CT_DELETE);
    }

    public static ConntrackMessage decode(NetlinkMessage m) throws NetlinkException {
        if (!accepts(m)) throw new NetlinkException(NAME, m.payload(), "not a ctnetlink event: type 0x" + Integer.toHexString(m.type()));
        if (m.payloadLength() < Nl.NFGENMSG_LEN)
            throw new NetlinkException(NAME, m.payload(), "nfgenmsg cut: " + m.payloadLength() + " bytes");
        byte[] b = m.buffer();
        int family = Nl.u8(b, m.payload());
        int start = m.payload() + Nl.NFGENMSG_LEN;
        Attrs a = Attrs.parse(NAME, b, start, m.payload() + m.payloadLength(), CTA_MAX);
        if (!a.has(CTA_TUPLE_ORIG)) throw new NetlinkException(NAME, start, "no CTA_TUPLE_ORIG");
        ConntrackTuple orig = tuple(a, CTA_TUPLE_ORIG, "CTA_TUPLE_ORIG");
        ConntrackTuple reply = a.has(CTA_TUPLE_REPLY) ? tuple(a, CTA_TUPLE_REPLY, "CTA_TUPLE_REPLY") : null;
        ConntrackMessage.Kind kind = m.kind() == IPCTNL_MSG_CT_DELETE ? ConntrackMessage.Kind.DESTROY
                : (m.flags() & Nl.NLM_F_CREATE) != 0 ? ConntrackMessage.Kind.NEW : ConntrackMessage.Kind.UPDATE;
        boolean dumped = (m.flags() & Nl.NLM_F_MULTI) != 0;
        return new ConntrackMessage(kind, dumped, family, orig, reply,
                a.has(CTA_STATUS) ? a.u32(NAME, "CTA_STATUS", CTA_STATUS) : 0,
                a.has(CTA_TIMEOUT) ? a.u32(NAME, "CTA_TIMEOUT", CTA_TIMEOUT) : -1,
                a.has(CTA_ID) ? a.u32(NAME, "CTA_ID", CTA_ID) : -1,
                a.has(CTA_MARK) ? a.u32(NAME, "CTA_MARK", CTA_MARK) : -1,
                counters(a, CTA_COUNTERS_ORIG), counters(a, CTA_COUNTERS_REPLY));
    }

    private static ConntrackTuple tuple(Attrs parent, int type, String name) throws NetlinkException {
        Attrs t = parent.nested(NAME, type, CTA_TUPLE_MAX);
        if (!t.has(CTA_TUPLE_IP)) throw new NetlinkException(NAME, parent.offset(type), name + " has no CTA_TUPLE_IP");
        if (!t.has(CTA_TUPLE_PROTO)) throw new NetlinkException(NAME, parent.offset(type), name + " has no CTA_TUPLE_PROTO");
        Attrs ip = t.nested(NAME, CTA_TUPLE_IP, CTA_IP_MAX);
        InetAddress src, dst;
        if (ip.has(CTA_IP_V4_SRC) && ip.has(CTA_IP_V4_DST)) {
            src = address(ip.bytes(NAME, "CTA_IP_V4_SRC", CTA_IP_V4_SRC, 4));
            dst = address(ip.bytes(NAME, "CTA_IP_V4_DST", CTA_IP_V4_DST, 4));
        } else if (ip.has(CTA_IP_V6_SRC) && ip.has(CTA_IP_V6_DST)) {
            src = address(ip.bytes(NAME, "CTA_IP_V6_SRC", CTA_IP_V6_SRC, 16));
            dst = address(ip.bytes(NAME, "CTA_IP_V6_DST", CTA_IP_V6_DST, 16));
        } else {
            throw new NetlinkException(NAME, t.offset(CTA_TUPLE_IP), name + " CTA_TUPLE_IP has no source and destination pair");
        }
        Attrs p = t.nested(NAME, CTA_TUPLE_PROTO, CTA_PROTO_MAX);
        if (!p.has(CTA_PROTO_NUM)) throw new NetlinkException(NAME, t.offset(CTA_TUPLE_PROTO), name + " has no CTA_PROTO_NUM");
        int proto = p.u8(NAME, "CTA_PROTO_NUM", CTA_PROTO_NUM);
        int sport = -1, dport = -1, itype = -1, icode = -1, iid = -1;
        if (p.has(CTA_PROTO_SRC_PORT) && p.has(CTA_PROTO_DST_PORT)) {
            sport = p.u16(NAME, "CTA_PROTO_SRC_PORT", CTA_PROTO_SRC_PORT);
            dport = p.u16(NAME, "CTA_PROTO_DST_PORT", CTA_PROTO_DST_PORT);
        }
        if (p.has(CTA_PROTO_ICMP_TYPE)) {
            itype = p.u8(NAME, "CTA_PROTO_ICMP_TYPE", CTA_PROTO_ICMP_TYPE);
            icode = p.has(CTA_PROTO_ICMP_CODE) ? p.u8(NAME, "CTA_PROTO_ICMP_CODE", CTA_PROTO_ICMP_CODE) : 0;
            iid = p.has(CTA_PROTO_ICMP_ID) ? p.u16(NAME, "CTA_PROTO_ICMP_ID", CTA_PROTO_ICMP_ID) : 0;
        } else if (p.has(CTA_PROTO_ICMPV6_TYPE)) {
            itype = p.u8(NAME, "CTA_PROTO_ICMPV6_TYPE", CTA_PROTO_ICMPV6_TYPE);
            icode = p.has(CTA_PROTO_ICMPV6_CODE) ? p.u8(NAME, "CTA_PROTO_ICMPV6_CODE", CTA_PROTO_ICMPV6_CODE) : 0;
            iid = p.has(CTA_PROTO_ICMPV6_ID) ? p.u16(NAME, "CTA_PROTO_ICMPV6_ID", CTA_PROTO_ICMPV6_ID) : 0;
        }
        return new ConntrackTuple(src, dst, proto, sport, dport, itype, icode, iid);
    }

    private static ConntrackCounters counters(Attrs parent, int type) throws NetlinkException {
        Attrs c = parent.nested(NAME, type, CTA_COUNTERS_MAX);
        if (c == null) return null;
        long packets = c.has(CTA_COUNTERS_PACKETS) ? c.u64(NAME, "CTA_COUNTERS_PACKETS", CTA_COUNTERS_PACKETS)
                : c.has(CTA_COUNTERS32_PACKETS) ? c.u32(NAME, "CTA_COUNTERS32_PACKETS", CTA_COUNTERS32_PACKETS) : 0;
        long bytes = c.has(CTA_COUNTERS_BYTES) ? c.u64(NAME, "CTA_COUNTERS_BYTES", CTA_COUNTERS_BYTES)
                : c.has(CTA_COUNTERS32_BYTES) ? c.u32(NAME, "CTA_COUNTERS32_BYTES", CTA_COUNTERS32_BYTES) : 0;
        if (packets < 0 || bytes < 0) throw new NetlinkException(NAME, parent.offset(type), "counter above 2^63: " + packets + "/" + bytes);
        return new ConntrackCounters(packets, bytes);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw); // 4 or 16 bytes: never a lookup, never fails
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
