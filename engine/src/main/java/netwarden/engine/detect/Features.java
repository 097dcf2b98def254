package netwarden.engine.detect;

import netwarden.model.Packet;
import netwarden.model.Proto;

/** One packet's detection features as bits, computed once and added to every scope it reaches. */
final class Features {
    static final int UDP = 1, TCP = 2, ICMP = 4, OTHER = 8, SYN = 16, ACK_RST = 32, FRAGMENT = 64, REFLECTION = 128, LATER_FRAGMENT = 256,
            SYN_ACK = 512, RST = 1024;

    private Features() {}

    static int of(Packet p) {
        int f = switch (p.proto) {
            case Proto.UDP -> UDP;
            case Proto.TCP -> TCP;
            case Proto.ICMP, Proto.ICMPV6 -> ICMP;
            default -> OTHER;
        };
        if (p.tcpFlags >= 0) {
            if (p.synOnly()) f |= SYN;
            else if ((p.tcpFlags & Packet.SYN) != 0 && (p.tcpFlags & Packet.ACK) != 0) f |= SYN_ACK;
            if ((p.tcpFlags & (Packet.SYN | Packet.RST)) == Packet.RST && p.payloadLen <= 0) f |= RST;
            else if ((p.tcpFlags & Packet.SYN) == 0 && (p.tcpFlags & (Packet.ACK | Packet.RST)) != 0 && p.payloadLen <= 0) f |= ACK_RST;
        }
        if (p.fragment != Packet.FRAG_NONE) f |= FRAGMENT;
        if (p.fragment == Packet.FRAG_LATER) f |= LATER_FRAGMENT;
        if (p.proto == Proto.UDP && p.srcPort >= 0 && AmplificationPorts.index(p.srcPort) > 0) f |= REFLECTION;
        return f;
    }
}
