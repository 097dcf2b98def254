package netwarden.app.demo;

import netwarden.model.Packet;
import netwarden.model.Proto;

/**
 * Fills a {@link Packet} as the decoder would for an untagged Ethernet frame carrying IPv4 and
 * UDP or TCP, so synthetic traffic exercises exactly the fields real captures set.
 */
public final class Packets {
    static final int ETHERNET = 1;
    private static final int ETH_HEADER = 14, IPV4_HEADER = 20, UDP_HEADER = 8, TCP_HEADER = 20, MIN_FRAME = 60;

    private Packets() {}

    public static void udp(Packet p, long tsNanos, int src, int srcPort, int dst, int dstPort, int payload, int ttl) {
        ipv4(p, tsNanos, Proto.UDP, src, dst, UDP_HEADER + payload, ttl);
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        p.payloadLen = payload;
    }

    public static void tcp(Packet p, long tsNanos, int src, int srcPort, int dst, int dstPort, int flags, int payload, int ttl) {
        ipv4(p, tsNanos, Proto.TCP, src, dst, TCP_HEADER + payload, ttl);
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        p.tcpFlags = flags;
        p.payloadLen = payload;
    }

    private static void ipv4(Packet p, long tsNanos, int proto, int src, int dst, int l4Bytes, int ttl) {
        p.reset();
        p.tsNanos = tsNanos;
        p.linkType = ETHERNET;
        p.ipVersion = 4;
        p.proto = proto;
        p.setV4(src, dst);
        p.ipBytes = IPV4_HEADER + l4Bytes;
        p.wireLen = Math.max(MIN_FRAME, ETH_HEADER + p.ipBytes);
        p.capLen = p.wireLen;
        p.ttl = ttl;
        p.l3Offset = ETH_HEADER;
    }

    /** The IPv4 address a.b.c.d as an int. */
    public static int v4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }
}
