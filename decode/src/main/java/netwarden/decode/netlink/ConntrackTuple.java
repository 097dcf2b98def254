package netwarden.decode.netlink;

import java.net.InetAddress;

/**
 * One direction of a tracked connection. Ports are -1 for protocols without them; the ICMP fields
 * are -1 except for ICMP and ICMPv6.
 */
public record ConntrackTuple(InetAddress src, InetAddress dst, int proto, int srcPort, int dstPort,
                             int icmpType, int icmpCode, int icmpId) {
    @Override
    public String toString() {
        String ports = srcPort >= 0 ? " sport=" + srcPort + " dport=" + dstPort : "";
        String icmp = icmpType >= 0 ? " type=" + icmpType + " code=" + icmpCode + " id=" + icmpId : "";
        return "proto=" + proto + " src=" + src.getHostAddress() + " dst=" + dst.getHostAddress() + ports + icmp;
    }
}
