package netwarden.model;

/**
 * One decoded frame: a mutable flyweight that a decoder fills and the pipeline thread reads.
 *
 * <p>Design notes: replay and live capture handle millions of frames a second, so a single instance
 * is reused per pipeline thread and never crosses threads or outlives the call that received it.
 * Fields are public for the same reason. Anything kept must be copied into an immutable value.
 *
 * <p>Semantics follow the outermost IP header with no reassembly: {@link #ipBytes} is the IPv4
 * total length or 40 + the IPv6 payload length (header values, not captured bytes); ports come only
 * from the outermost TCP/UDP header when it is present in the frame (never from ICMP quotes or
 * non-first fragments).
 */
public final class Packet {
    public static final int NO_PORT = -1;
    public static final int FRAG_NONE = 0;
    public static final int FRAG_FIRST = 1;
    public static final int FRAG_LATER = 2;

    /** TCP flag bits as in the TCP header's flags byte. */
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;

    /** Capture timestamp, nanoseconds since the Unix epoch. */
    public long tsNanos;
    /** Interface index within the capture (pcapng IDB number; 0 for pcap). */
    public int iface;
    /** LINKTYPE_* value of the frame's interface. */
    public int linkType;
    /** Original length on the wire. */
    public int wireLen;
    /** Captured length (less than wireLen when snaplen cut the frame). */
    public int capLen;

    /** 4 or 6 for the outermost IP header, 0 when the frame carries no readable IP header. */
    public int ipVersion;
    /**
     * Protocol carried by the outermost IP header (after the IPv6 extension chain); -1 if not IP, or
     * if the header was bogus or cut before the protocol could be read.
     */
    public int proto;
    public long srcHi, srcLo, dstHi, dstLo;
    /**
     * True when the source address was read. An IP header cut by the snaplen may still give its
     * protocol but not its addresses: the traffic table counts such a frame in its row but not as a
     * distinct source (the detector still sees it with a zero address, as it sees bogus headers).
     */
    public boolean srcKnown;
    public int srcPort, dstPort;
    /** IPv4 total length, or 40 + IPv6 payload length. */
    public int ipBytes;
    /** IPv4 TTL or IPv6 hop limit. */
    public int ttl;
    /** TCP flags byte, or -1 when no TCP header was read. */
    public int tcpFlags;
    /** Transport payload bytes according to the headers (not the capture), -1 when unknown. */
    public int payloadLen;
    /** One of FRAG_NONE, FRAG_FIRST, FRAG_LATER. */
    public int fragment;
    /** Innermost VLAN id seen, -1 when untagged. */
    public int vlan;
    /** Byte offset of the outermost IP header inside the frame, -1 when none. */
    public int l3Offset;

    public Packet() {
        reset();
    }

    /** Clears everything the decoder sets, keeping nothing from the previous frame. */
    public void reset() {
        tsNanos = 0;
        iface = 0;
        linkType = 0;
        wireLen = 0;
        capLen = 0;
        clearNetwork();
    }

    /** Clears the network- and transport-layer fields only. */
    public void clearNetwork() {
        ipVersion = 0;
        proto = -1;
        srcHi = srcLo = dstHi = dstLo = 0;
        srcKnown = false;
        srcPort = NO_PORT;
        dstPort = NO_PORT;
        ipBytes = 0;
        ttl = 0;
        tcpFlags = -1;
        payloadLen = -1;
        fragment = FRAG_NONE;
        vlan = -1;
        l3Offset = -1;
    }

    /** Makes this packet a copy of {@code o}, every field (to hand a frame to another thread). */
    public void copyFrom(Packet o) {
        tsNanos = o.tsNanos;
        iface = o.iface;
        linkType = o.linkType;
        wireLen = o.wireLen;
        capLen = o.capLen;
        ipVersion = o.ipVersion;
        proto = o.proto;
        srcHi = o.srcHi;
        srcLo = o.srcLo;
        dstHi = o.dstHi;
        dstLo = o.dstLo;
        srcKnown = o.srcKnown;
        srcPort = o.srcPort;
        dstPort = o.dstPort;
        ipBytes = o.ipBytes;
        ttl = o.ttl;
        tcpFlags = o.tcpFlags;
        payloadLen = o.payloadLen;
        fragment = o.fragment;
        vlan = o.vlan;
        l3Offset = o.l3Offset;
    }

    public boolean isIp() {
        return ipVersion != 0;
    }

    public boolean truncated() {
        return capLen < wireLen;
    }

    public boolean synOnly() {
        return tcpFlags >= 0 && (tcpFlags & SYN) != 0 && (tcpFlags & ACK) == 0;
    }

    public Ip src() {
        return new Ip(srcHi, srcLo);
    }

    public Ip dst() {
        return new Ip(dstHi, dstLo);
    }

    public void setV4(int src, int dst) {
        Ip s = Ip.ofV4(src), d = Ip.ofV4(dst);
        srcHi = s.hi();
        srcLo = s.lo();
        dstHi = d.hi();
        dstLo = d.lo();
        srcKnown = true;
    }

    @Override
    public String toString() {
        return "Packet[ts=" + tsNanos + " v" + ipVersion + " " + Proto.name(proto) + " " + src() + ":" + srcPort
                + " -> " + dst() + ":" + dstPort + " wire=" + wireLen + " cap=" + capLen + " ip=" + ipBytes
                + " flags=" + tcpFlags + " frag=" + fragment + "]";
    }
}
