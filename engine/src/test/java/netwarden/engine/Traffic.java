package netwarden.engine;

import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;

/** Builds packets for engine tests and feeds them in time order. */
final class Traffic {
    static final long T0 = 1_800_000_000L * Times.NANOS_PER_SECOND;
    final Engine engine;
    private final Packet p = new Packet();

    Traffic(Engine engine) {
        this.engine = engine;
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    void udp(double t, String src, int srcPort, String dst, int dstPort, int wireLen) {
        fill(t, Proto.UDP, src, srcPort, dst, dstPort, wireLen);
        engine.onPacket(p);
    }

    void tcp(double t, String src, int srcPort, String dst, int dstPort, int flags, int payload) {
        fill(t, Proto.TCP, src, srcPort, dst, dstPort, 54 + payload);
        p.tcpFlags = flags;
        p.payloadLen = payload;
        engine.onPacket(p);
    }

    /**
     * A game session: {@code pps} packets a second from the client to the server and, when
     * {@code answered}, as many back, from {@code from} to {@code to} seconds.
     */
    void play(String client, int clientPort, String server, int port, double from, double to, int pps, boolean answered) {
        double step = 1.0 / pps;
        for (double t = from; t < to; t += step) {
            udp(t, client, clientPort, server, port, 80);
            if (answered) udp(t + step / 2, server, port, client, clientPort, 120);
        }
    }

    private void fill(double t, int proto, String src, int srcPort, String dst, int dstPort, int wireLen) {
        p.reset();
        p.tsNanos = at(t);
        p.wireLen = p.capLen = wireLen;
        Ip s = Ip.parse(src), d = Ip.parse(dst);
        p.ipVersion = s.isV4() ? 4 : 6;
        p.proto = proto;
        p.srcHi = s.hi();
        p.srcLo = s.lo();
        p.dstHi = d.hi();
        p.dstLo = d.lo();
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        p.ipBytes = wireLen - 14;
        p.payloadLen = wireLen - 42;
    }
}
