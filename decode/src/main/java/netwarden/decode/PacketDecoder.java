package netwarden.decode;

import static netwarden.decode.Bytes.u16;
import static netwarden.decode.Bytes.u8;

import java.lang.foreign.MemorySegment;
import netwarden.model.Packet;

/**
 * Decodes one captured frame into a {@link Packet}: link layer, outermost IP header (IPv6 extension
 * chain included), and the TCP/UDP ports and TCP flags of the outermost transport header.
 *
 * <p>Contract: pure and allocation-free; never throws for any bytes (malformed packets only leave
 * fields unset). Only the network/transport fields are written (see {@link Packet#clearNetwork()});
 * of the others, only {@code wireLen} is read.
 * Header values come from the packet (IPv4 Total Length, IPv6 Payload Length), never from the
 * capture, and nothing is read past the captured bytes.
 *
 * <ul>
 *   <li>Ethernet-like link types follow VLAN tags, PPPoE sessions and MPLS label stacks to the IP
 *       header inside. Unknown link types and non-IP frames (ARP, LLC, ...) leave {@code ipVersion} 0.
 *   <li>{@code ipVersion} 4 or 6 with {@code proto} -1: the link layer announced IP but the header
 *       was bogus (bad version or header length, Total Length below the header) or cut before its
 *       protocol field (for IPv6, possibly inside the extension chain, after the addresses).
 *   <li>Addresses are read only when captured: {@code srcKnown} says whether the source was; the
 *       destination is unset (zero) whenever the header was cut before it, even with a protocol.
 *   <li>Ports come only from the outermost TCP/UDP header and only when it lies within both the
 *       capture and the IP length: never from ICMP-quoted packets, never for non-first fragments.
 *   <li>TCP and UDP ports need the first 4 header bytes; TCP flags need 16 (through the window, as
 *       tshark reads them) and a data offset of at least 5 words; the UDP payload length needs the
 *       whole 8-byte header. IP headers cut by the snaplen give what tshark gives: see {@link IpDecoder}.
 *   <li>IPv4 Total Length 0 (TSO/LSO segments captured on the sending host): the datagram runs to
 *       the end of the frame on the wire, as tshark assumes. That end is {@code p.wireLen} when it
 *       is at least the captured length (callers set it before decoding), else the captured end.
 * </ul>
 */
public final class PacketDecoder {
    private static final int ETHER_IPV4 = 0x0800, ETHER_IPV6 = 0x86DD;
    private static final int ETHER_PPPOE_SESSION = 0x8864, ETHER_MPLS = 0x8847, ETHER_MPLS_MULTICAST = 0x8848;
    private static final int PPP_IPV4 = 0x0021, PPP_IPV6 = 0x0057;

    private PacketDecoder() {}

    /** Decodes a frame held in its own segment. */
    public static void decode(int linkType, MemorySegment frame, Packet p) {
        decode(linkType, frame, 0, frame.byteSize(), p);
    }

    /** Decodes the frame at {@code [offset, offset + length)} of a larger segment, without slicing it. */
    public static void decode(int linkType, MemorySegment data, long offset, long length, Packet p) {
        p.clearNetwork();
        long end = offset + length;
        switch (linkType) {
            case LinkType.ETHERNET -> ethernet(data, offset, end, p);
            case LinkType.LINUX_SLL -> cooked(data, offset, offset + 14, offset + 16, end, p);
            case LinkType.LINUX_SLL2 -> cooked(data, offset, offset, offset + 20, end, p);
            case LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14 -> raw(data, offset, offset, end, p);
            case LinkType.IPV4 -> IpDecoder.ipv4(data, offset, offset, end, p);
            case LinkType.IPV6 -> IpDecoder.ipv6(data, offset, offset, end, p);
            case LinkType.NULL -> loopback(data, offset, end, false, p);
            case LinkType.LOOP -> loopback(data, offset, end, true, p);
            default -> { } // unknown link type: counted as non-IP
        }
    }

    private static void ethernet(MemorySegment s, long frame, long end, Packet p) {
        if (end - frame < 14) return;
        etherType(s, frame, frame + 12, end, p);
    }

    /** SLL/SLL2: a fixed header whose protocol field is an ether type. */
    private static void cooked(MemorySegment s, long frame, long protoAt, long payload, long end, Packet p) {
        if (end < payload) return;
        int type = u16(s, protoAt);
        if (isVlan(type)) {
            vlanTags(s, frame, payload, end, p);
        } else {
            network(type, s, frame, payload, end, p);
        }
    }

    /** Reads the ether type at {@code typeAt}, then any VLAN tags that follow, then the network layer. */
    private static void etherType(MemorySegment s, long frame, long typeAt, long end, Packet p) {
        int type = u16(s, typeAt);
        if (isVlan(type)) {
            vlanTags(s, frame, typeAt + 2, end, p);
        } else {
            network(type, s, frame, typeAt + 2, end, p);
        }
    }

    /** {@code at} points at a tag's TCI; each tag is TCI then the next type. Ends because each step moves 4 bytes. */
    private static void vlanTags(MemorySegment s, long frame, long at, long end, Packet p) {
        while (end - at >= 4) {
            p.vlan = u16(s, at) & 0x0fff;
            int type = u16(s, at + 2);
            at += 4;
            if (!isVlan(type)) {
                network(type, s, frame, at, end, p);
                return;
            }
        }
    }

    private static boolean isVlan(int type) {
        return type == 0x8100 || type == 0x88a8 || type == 0x9100;
    }

    private static void network(int etherType, MemorySegment s, long frame, long at, long end, Packet p) {
        switch (etherType) {
            case ETHER_IPV4 -> IpDecoder.ipv4(s, frame, at, end, p);
            case ETHER_IPV6 -> IpDecoder.ipv6(s, frame, at, end, p);
            case ETHER_PPPOE_SESSION -> pppoe(s, frame, at, end, p);
            case ETHER_MPLS, ETHER_MPLS_MULTICAST -> mpls(s, frame, at, end, p);
            default -> { } // ARP, LLDP, PPPoE discovery, ...: not IP
        }
    }

    /**
     * PPPoE session stage (RFC 2516, what DSL uplinks carry): a 6-byte header, then the 2-byte PPP
     * protocol; IPv4 and IPv6 are followed, PPP control protocols (LCP, IPCP, ...) are not IP.
     */
    private static void pppoe(MemorySegment s, long frame, long at, long end, Packet p) {
        if (end - at < 8) return;
        int protocol = u16(s, at + 6);
        if (protocol == PPP_IPV4) {
            IpDecoder.ipv4(s, frame, at + 8, end, p);
        } else if (protocol == PPP_IPV6) {
            IpDecoder.ipv6(s, frame, at + 8, end, p);
        }
    }

    /**
     * MPLS (RFC 3032): 4-byte label entries until the one with the bottom-of-stack bit; the payload
     * carries no type, so its first nibble decides, as tshark guesses (4 IPv4, 6 IPv6; pseudowires
     * and anything else are not IP). Ends because each step moves 4 bytes.
     */
    private static void mpls(MemorySegment s, long frame, long at, long end, Packet p) {
        while (end - at >= 4) {
            boolean bottom = (u8(s, at + 2) & 1) != 0;
            at += 4;
            if (bottom) {
                raw(s, frame, at, end, p);
                return;
            }
        }
    }

    /** Raw IP at {@code at}: the version nibble says which; anything else is not IP. */
    private static void raw(MemorySegment s, long frame, long at, long end, Packet p) {
        if (end - at < 1) return;
        int version = u8(s, at) >>> 4;
        if (version == 4) {
            IpDecoder.ipv4(s, frame, at, end, p);
        } else if (version == 6) {
            IpDecoder.ipv6(s, frame, at, end, p);
        }
    }

    /**
     * BSD loopback: a 4-byte address family, host order for NULL (we accept either order, since a
     * family never exceeds 16 bits), big-endian for LOOP. IPv6 families differ per OS.
     */
    private static void loopback(MemorySegment s, long frame, long end, boolean bigEndian, Packet p) {
        if (end - frame < 4) return;
        long family = Bytes.u32(s, frame, bigEndian);
        if (!bigEndian && (family & 0xffff_0000L) != 0) family = Integer.reverseBytes((int) family) & 0xffff_ffffL;
        if (family == 2) {
            IpDecoder.ipv4(s, frame, frame + 4, end, p);
        } else if (family == 10 || family == 24 || family == 28 || family == 30) {
            IpDecoder.ipv6(s, frame, frame + 4, end, p);
        }
    }
}
