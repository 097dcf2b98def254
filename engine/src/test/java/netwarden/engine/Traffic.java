package netwarden.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;

/**
 * Builds packets for engine tests. Calls queue packets; {@link #flush()} feeds them in time order
 * (stable for equal times), as a capture would deliver them.
 */
final class Traffic {
    static final long T0 = 1_800_000_000L * Times.NANOS_PER_SECOND;
    final Engine engine;
    private final List<Spec> queued = new ArrayList<>();
    private final Packet p = new Packet();

    private record Spec(long ts, int proto, Ip src, int srcPort, Ip dst, int dstPort, int wireLen, int flags, int payload, int fragment) {}

    Traffic(Engine engine) {
        this.engine = engine;
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    void udp(double t, String src, int srcPort, String dst, int dstPort, int wireLen) {
        queued.add(new Spec(at(t), Proto.UDP, Ip.parse(src), srcPort, Ip.parse(dst), dstPort, wireLen, -1, wireLen - 42, Packet.FRAG_NONE));
    }

    void tcp(double t, String src, int srcPort, String dst, int dstPort, int flags, int payload) {
        queued.add(new Spec(at(t), Proto.TCP, Ip.parse(src), srcPort, Ip.parse(dst), dstPort, 54 + payload, flags, payload, Packet.FRAG_NONE));
    }

    void icmp(double t, String src, String dst, int wireLen) {
        queued.add(new Spec(at(t), Proto.ICMP, Ip.parse(src), -1, Ip.parse(dst), -1, wireLen, -1, -1, Packet.FRAG_NONE));
    }

    void fragment(double t, String src, String dst, int wireLen) {
        queued.add(new Spec(at(t), Proto.UDP, Ip.parse(src), -1, Ip.parse(dst), -1, wireLen, -1, -1, Packet.FRAG_LATER));
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

    /** Feeds everything queued, oldest first. */
    void flush() {
        queued.sort(Comparator.comparingLong(Spec::ts));
        for (Spec s : queued) {
            p.reset();
            p.tsNanos = s.ts;
            p.wireLen = p.capLen = s.wireLen;
            p.ipVersion = s.src.isV4() ? 4 : 6;
            p.proto = s.proto;
            p.srcHi = s.src.hi();
            p.srcLo = s.src.lo();
            p.dstHi = s.dst.hi();
            p.dstLo = s.dst.lo();
            p.srcPort = s.srcPort;
            p.dstPort = s.dstPort;
            p.ipBytes = s.wireLen - 14;
            p.payloadLen = s.payload;
            p.tcpFlags = s.flags;
            p.fragment = s.fragment;
            p.ttl = 64;
            engine.onPacket(p);
        }
        queued.clear();
    }
}
