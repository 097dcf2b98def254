package netwarden.testkit;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds test frames from the inside out: a transport segment ({@link #udp}, {@link #tcp},
 * {@link #icmp}, {@link #icmpv6}), wrapped in an IP packet ({@link #ipv4}, {@link #ipv6}), wrapped
 * in a link-layer header ({@link #ethernet}, {@link #sll}, {@link #sll2}, {@link #loopback}; RAW
 * links take the IP packet as is). Checksums are left zero: decoders do not verify them.
 *
 * <pre>{@code
 * byte[] frame = Frames.ethernet(Frames.ETH_IPV4,
 *         Frames.ipv4("10.0.0.1", "10.0.0.2").ttl(7).packet(Frames.UDP, Frames.udp(5000, 27960, new byte[12])),
 *         new Frames.Vlan(Frames.TPID_QINQ, 100), new Frames.Vlan(Frames.TPID_DOT1Q, 7));
 * }</pre>
 */
public final class Frames {
    public static final int ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86DD, ETH_ARP = 0x0806;
    public static final int TPID_DOT1Q = 0x8100, TPID_QINQ = 0x88a8, TPID_9100 = 0x9100;
    public static final int ETH_PPPOE_DISCOVERY = 0x8863, ETH_PPPOE_SESSION = 0x8864;
    public static final int ETH_MPLS = 0x8847, ETH_MPLS_MULTICAST = 0x8848;
    /** PPP protocol numbers: IPv4, IPv6, LCP (link control, not IP). */
    public static final int PPP_IPV4 = 0x0021, PPP_IPV6 = 0x0057, PPP_LCP = 0xc021;
    public static final int ICMP = 1, TCP = 6, UDP = 17, ICMPV6 = 58;
    public static final int HOP_BY_HOP = 0, ROUTING = 43, FRAGMENT = 44, DEST_OPTIONS = 60, AUTH = 51, NO_NEXT = 59;

    private Frames() {}

    /** One VLAN tag: its TPID (0x8100, 0x88a8, 0x9100) and 12-bit VLAN id. */
    public record Vlan(int tpid, int vid) {}

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return new ByteWriter().u16(srcPort).u16(dstPort).u16(8 + payload.length).u16(0).bytes(payload).toByteArray();
    }

    public static byte[] tcp(int srcPort, int dstPort, int flags) {
        return tcp(srcPort, dstPort, flags, new byte[0], new byte[0]);
    }

    /** A TCP segment; {@code options} are zero-padded to a multiple of 4 and counted in the data offset. */
    public static byte[] tcp(int srcPort, int dstPort, int flags, byte[] options, byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        return new ByteWriter().u16(srcPort).u16(dstPort).u32(1000).u32(0)
                .u8(((20 + optLen) / 4) << 4).u8(flags).u16(65535).u16(0).u16(0)
                .bytes(options).zeros(optLen - options.length).bytes(payload).toByteArray();
    }

    /** An ICMP message: type, code, zero checksum, then {@code rest} (identifier/sequence or unused word, data). */
    public static byte[] icmp(int type, int code, byte[] rest) {
        return new ByteWriter().u8(type).u8(code).u16(0).bytes(rest).toByteArray();
    }

    public static byte[] icmpv6(int type, int code, byte[] rest) {
        return icmp(type, code, rest);
    }

    /** ICMP destination-unreachable (port) quoting {@code quotedIpPacket}, as a router or host sends it. */
    public static byte[] icmpPortUnreachable(byte[] quotedIpPacket) {
        return icmp(3, 3, concat(new byte[4], quotedIpPacket));
    }

    /** ICMPv6 destination-unreachable (port) quoting {@code quotedIpPacket}. */
    public static byte[] icmpv6PortUnreachable(byte[] quotedIpPacket) {
        return icmpv6(1, 4, concat(new byte[4], quotedIpPacket));
    }

    public static Ipv4Builder ipv4(String src, String dst) {
        return new Ipv4Builder(src, dst);
    }

    public static Ipv6Builder ipv6(String src, String dst) {
        return new Ipv6Builder(src, dst);
    }

    /** Ethernet II with optional VLAN tags, outermost first: dst, src, [TPID, TCI]..., ether type, payload. */
    public static byte[] ethernet(int etherType, byte[] payload, Vlan... tags) {
        ByteWriter w = new ByteWriter().bytes(new byte[] {2, 0, 0, 0, 0, 2}).bytes(new byte[] {2, 0, 0, 0, 0, 1});
        for (Vlan tag : tags) w.u16(tag.tpid()).u16(tag.vid() & 0x0fff);
        return w.u16(etherType).bytes(payload).toByteArray();
    }

    /** A PPPoE session-stage payload (RFC 2516): version/type 0x11, code 0, session 0x1234, length, PPP protocol. */
    public static byte[] pppoe(int pppProtocol, byte[] payload) {
        return new ByteWriter().u8(0x11).u8(0).u16(0x1234).u16(payload.length + 2).u16(pppProtocol)
                .bytes(payload).toByteArray();
    }

    /** An MPLS label stack (RFC 3032), outermost label first, TTL 64, bottom-of-stack set on the last. */
    public static byte[] mpls(byte[] payload, int... labels) {
        ByteWriter w = new ByteWriter();
        for (int i = 0; i < labels.length; i++) {
            int bottom = i == labels.length - 1 ? 1 : 0;
            w.u32(((long) (labels[i] & 0xfffff) << 12) | (bottom << 8) | 64);
        }
        return w.bytes(payload).toByteArray();
    }

    /** Linux cooked capture v1 (LINKTYPE_LINUX_SLL, 16-byte header). */
    public static byte[] sll(int protocol, byte[] payload) {
        return new ByteWriter().u16(0).u16(1).u16(6).bytes(new byte[] {2, 0, 0, 0, 0, 1, 0, 0})
                .u16(protocol).bytes(payload).toByteArray();
    }

    /** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2, 20-byte header). */
    public static byte[] sll2(int protocol, byte[] payload) {
        return new ByteWriter().u16(protocol).u16(0).u32(3).u16(1).u8(0).u8(6)
                .bytes(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).bytes(payload).toByteArray();
    }

    /**
     * BSD loopback: a 4-byte address family in {@code order} (host order for LINKTYPE_NULL, big-endian
     * for LINKTYPE_LOOP). Families: 2 = IPv4; 24, 28, 30 (BSDs) or 10 (Linux) = IPv6.
     */
    public static byte[] loopback(int family, ByteOrder order, byte[] payload) {
        return new ByteWriter(order).u32(family).bytes(payload).toByteArray();
    }

    /** The first {@code n} bytes of a frame, as a snaplen of {@code n} would capture it. */
    public static byte[] cut(byte[] frame, int n) {
        return Arrays.copyOf(frame, Math.min(n, frame.length));
    }

    public static byte[] concat(byte[]... parts) {
        ByteWriter w = new ByteWriter();
        for (byte[] p : parts) w.bytes(p);
        return w.toByteArray();
    }
}
