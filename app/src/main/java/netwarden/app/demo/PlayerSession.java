package netwarden.app.demo;

import netwarden.model.Packet;
import netwarden.model.Proto;

/**
 * One player's game session: client and server exchange packets at their tick rates (with
 * jitter) from the join to the leave. TCP sessions open with a handshake and close with FINs.
 */
final class PlayerSession extends Actor {
    private static final int SYN_SENT = 0, SYN_ACKED = 1, PLAYING = 2, FIN_SENT = 3;

    private final DemoServer server;
    private final int client;
    private final int clientPort;
    private final long end;
    private final boolean tcp;
    private long nextIn;
    private long nextOut;
    private int state;

    PlayerSession(DemoServer server, int client, int clientPort, long start, long end) {
        this.server = server;
        this.client = client;
        this.clientPort = clientPort;
        this.end = end;
        this.tcp = server.proto() == Proto.TCP;
        this.nextIn = start;
        this.nextOut = start + 1_000_000L; // the server answers a millisecond after the first packet
        this.state = tcp ? SYN_SENT : PLAYING;
        this.next = start;
    }

    int client() {
        return client;
    }

    @Override
    boolean step(Packet p, DemoTraffic world) {
        long t = next;
        boolean inbound = nextIn <= nextOut;
        if (tcp && state != PLAYING) return handshake(p, world, t);
        if (t >= end) {
            if (!tcp) {
                finish(world);
                return false;
            }
            Packets.tcp(p, t, client, clientPort, server.address(), server.port(), Packet.FIN | Packet.ACK, 0, 64);
            state = FIN_SENT;
            next = t + 1_000_000L;
            return true;
        }
        if (inbound) {
            int payload = 40 + world.random().nextInt(60);
            if (tcp) Packets.tcp(p, t, client, clientPort, server.address(), server.port(), Packet.PSH | Packet.ACK, payload, 64);
            else Packets.udp(p, t, client, clientPort, server.address(), server.port(), payload, 64);
            nextIn = t + world.jittered(server.ppsIn());
        } else {
            int payload = 80 + world.random().nextInt(520);
            if (tcp) Packets.tcp(p, t, server.address(), server.port(), client, clientPort, Packet.PSH | Packet.ACK, payload, 64);
            else Packets.udp(p, t, server.address(), server.port(), client, clientPort, payload, 64);
            nextOut = t + world.jittered(server.ppsOut());
        }
        next = Math.min(nextIn, nextOut);
        return true;
    }

    private boolean handshake(Packet p, DemoTraffic world, long t) {
        switch (state) {
            case SYN_SENT -> {
                Packets.tcp(p, t, client, clientPort, server.address(), server.port(), Packet.SYN, 0, 64);
                state = SYN_ACKED;
                next = t + 1_000_000L;
            }
            case SYN_ACKED -> {
                Packets.tcp(p, t, server.address(), server.port(), client, clientPort, Packet.SYN | Packet.ACK, 0, 64);
                state = PLAYING;
                nextIn = t + 1_000_000L;
                nextOut = nextIn + 1_000_000L;
                next = nextIn;
            }
            default -> { // FIN_SENT: the server closes its side too, and the session is over
                Packets.tcp(p, t, server.address(), server.port(), client, clientPort, Packet.FIN | Packet.ACK, 0, 64);
                finish(world);
            }
        }
        return true;
    }

    private void finish(DemoTraffic world) {
        done = true;
        world.playerLeft(this);
    }
}
