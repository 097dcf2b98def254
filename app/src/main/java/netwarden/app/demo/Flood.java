package netwarden.app.demo;

import netwarden.model.Packet;
import netwarden.model.Proto;

/**
 * A short attack on one server: a UDP flood from spoofed random sources (198.18.0.0/15), a SYN
 * flood on a TCP server, or a reflection (NTP/memcached/CLDAP answers from a few dozen
 * reflectors). One-way traffic: none of its sources ever becomes a player.
 */
final class Flood extends Actor {
    enum Kind { SPOOFED_UDP, SYN, REFLECTION }

    private static final int SPOOF_BASE = Packets.v4(198, 18, 0, 0);
    private static final int SPOOF_SIZE = 1 << 17; // a /15
    private static final int REFLECTOR_BASE = Packets.v4(192, 0, 2, 64);
    private static final int[] REFLECTED_PORTS = {123, 11211, 389};
    private static final int[] REFLECTED_SIZES = {468, 1400, 1300};

    private final Kind kind;
    private final DemoServer target;
    private final long end;
    private final long interval;
    private final int reflectors;
    private final int reflectedPort;
    private final int reflectedSize;

    Flood(Kind kind, DemoServer target, long start, long durationNanos, int pps, int reflectorChoice, int reflectors) {
        this.kind = kind;
        this.target = target;
        this.next = start;
        this.end = start + durationNanos;
        this.interval = Math.max(1, 1_000_000_000L / pps);
        this.reflectors = reflectors;
        this.reflectedPort = REFLECTED_PORTS[reflectorChoice % REFLECTED_PORTS.length];
        this.reflectedSize = REFLECTED_SIZES[reflectorChoice % REFLECTED_SIZES.length];
    }

    Kind kind() {
        return kind;
    }

    DemoServer target() {
        return target;
    }

    @Override
    boolean step(Packet p, DemoTraffic world) {
        var r = world.random();
        long t = next;
        switch (kind) {
            case SPOOFED_UDP -> Packets.udp(p, t, SPOOF_BASE + r.nextInt(SPOOF_SIZE), 1024 + r.nextInt(64_000),
                    target.address(), target.port(), r.nextInt(1400), 30 + r.nextInt(220));
            case SYN -> Packets.tcp(p, t, SPOOF_BASE + r.nextInt(SPOOF_SIZE), 1024 + r.nextInt(64_000),
                    target.address(), target.port(), Packet.SYN, 0, 30 + r.nextInt(220));
            case REFLECTION -> Packets.udp(p, t, REFLECTOR_BASE + r.nextInt(reflectors), reflectedPort,
                    target.address(), target.port(), reflectedSize, 50 + r.nextInt(10));
        }
        next = t + interval / 2 + r.nextLong(interval);
        if (next >= end) done = true;
        return true;
    }

    static Kind kindFor(DemoServer target, int choice) {
        if (target.proto() == Proto.TCP) return Kind.SYN;
        return choice % 2 == 0 ? Kind.SPOOFED_UDP : Kind.REFLECTION;
    }
}
