package netwarden.it;

import netwarden.engine.Engine;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;

/**
 * Game traffic made up on the spot, at wall-clock time: players on a UDP and a TCP service who
 * send and get answers at tick rate, a query-only host, and from a given time a spoofed UDP flood
 * (aggregated per source and tick, as the eBPF source hands it over). Runs on the pipeline thread.
 */
final class SyntheticTraffic {
    static final String ARENA = "192.0.2.10";
    static final int ARENA_PORT = 27960;
    static final String BLOCKS = "192.0.2.11";
    static final int BLOCKS_PORT = 25565;
    private static final int PLAYERS = 6;
    private static final int TICK_PPS = 20;
    private static final int FLOOD_SOURCES = 64;
    private static final long FLOOD_PPS_PER_SOURCE = 400;

    private final Engine engine;
    private final Packet p = new Packet();
    private final long floodFrom, floodTo;
    private long last;

    /** The flood runs from {@code floodFrom} to {@code floodTo}, nanoseconds since the epoch. */
    SyntheticTraffic(Engine engine, long startNanos, long floodFrom, long floodTo) {
        this.engine = engine;
        this.last = startNanos;
        this.floodFrom = floodFrom;
        this.floodTo = floodTo;
    }

    /** Feeds everything between the previous call and {@code now}, then closes the seconds before it. */
    void advance(long now) {
        long span = now - last;
        if (span <= 0) return;
        long ticks = Math.max(1, span * TICK_PPS / Times.NANOS_PER_SECOND);
        for (long t = 0; t < ticks; t++) {
            long ts = last + t * span / ticks;
            for (int i = 0; i < PLAYERS; i++) {
                String client = "198.51.100." + (20 + i);
                udp(ts, client, 40000 + i, ARENA, ARENA_PORT, 90);
                udp(ts + 1_000_000, ARENA, ARENA_PORT, client, 40000 + i, 160);
                if (i < 3) {
                    tcp(ts, "203.0.113." + (30 + i), 50000 + i, BLOCKS, BLOCKS_PORT, 120);
                    tcp(ts + 1_000_000, BLOCKS, BLOCKS_PORT, "203.0.113." + (30 + i), 50000 + i, 300);
                }
            }
        }
        udp(now - 1, "192.0.2.200", 50999, ARENA, ARENA_PORT, 60); // a query, never answered
        if (now > floodFrom && last < floodTo) {
            long packets = Math.max(1, FLOOD_PPS_PER_SOURCE * span / Times.NANOS_PER_SECOND);
            for (int s = 0; s < FLOOD_SOURCES; s++) {
                fill(now - 2, Proto.UDP, "10.66." + (s / 250) + "." + (s % 250 + 1), 1024 + s, ARENA, ARENA_PORT, 1200);
                engine.aggregate(p, packets, packets * 1200, now - 2, now - 2);
            }
        }
        engine.advanceTo(now);
        last = now;
    }

    private void udp(long ts, String src, int srcPort, String dst, int dstPort, int wireLen) {
        fill(ts, Proto.UDP, src, srcPort, dst, dstPort, wireLen);
        engine.onPacket(p);
    }

    private void tcp(long ts, String src, int srcPort, String dst, int dstPort, int payload) {
        fill(ts, Proto.TCP, src, srcPort, dst, dstPort, 54 + payload);
        p.tcpFlags = 0x18; // PSH ACK
        p.payloadLen = payload;
        engine.onPacket(p);
    }

    private void fill(long ts, int proto, String src, int srcPort, String dst, int dstPort, int wireLen) {
        p.reset();
        p.tsNanos = ts;
        p.wireLen = p.capLen = wireLen;
        Ip s = Ip.parse(src), d = Ip.parse(dst);
        p.ipVersion = 4;
        p.ttl = 64;
        p.proto = proto;
        p.srcHi = s.hi();
        p.srcLo = s.lo();
        p.dstHi = d.hi();
        p.dstLo = d.lo();
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        p.ipBytes = wireLen - 14;
        p.payloadLen = proto == Proto.UDP ? wireLen - 42 : wireLen - 54;
    }
}
