package netwarden.testkit;

import netwarden.model.Ip;
import netwarden.model.Packet;

/** Decoded packets built by hand, for tests that feed an engine or port without frames. */
public final class Packets {
    private Packets() {}

    /** A TCP or UDP packet from {@code src:srcPort} to {@code dst:dstPort} at {@code tsNanos}, {@code wireLen} bytes on the wire. */
    public static Packet of(int proto, String src, int srcPort, String dst, int dstPort, int wireLen, long tsNanos) {
        Ip s = Ip.parse(src), d = Ip.parse(dst);
        Packet p = new Packet();
        p.tsNanos = tsNanos;
        p.ipVersion = s.isV4() ? 4 : 6;
        p.proto = proto;
        p.srcHi = s.hi();
        p.srcLo = s.lo();
        p.dstHi = d.hi();
        p.dstLo = d.lo();
        p.srcKnown = true;
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        p.wireLen = p.capLen = wireLen;
        return p;
    }
}
