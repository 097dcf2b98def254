package netwarden.app.demo;

import netwarden.model.Packet;

/**
 * Query noise: a server browser or monitoring host asks a UDP server for its status once and gets
 * one answer. Never a player: two packets, one each way.
 */
final class QueryExchange extends Actor {
    private final DemoServer server;
    private final int host;
    private final int hostPort;
    private boolean asked;

    QueryExchange(DemoServer server, int host, int hostPort, long at) {
        this.server = server;
        this.host = host;
        this.hostPort = hostPort;
        this.next = at;
    }

    @Override
    boolean step(Packet p, DemoTraffic world) {
        if (!asked) {
            Packets.udp(p, next, host, hostPort, server.address(), server.port(), 15 + world.random().nextInt(16), 64);
            asked = true;
            next += 20_000_000L; // 20 ms later
        } else {
            Packets.udp(p, next, server.address(), server.port(), host, hostPort, 200 + world.random().nextInt(1000), 64);
            done = true;
        }
        return true;
    }
}
