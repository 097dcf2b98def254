package netwarden.app.demo;

import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;

/**
 * A simulated game server.
 *
 * @param address        IPv4 address as an int (documentation range 192.0.2.0/24)
 * @param ppsIn          packets per second each player sends (the client tick rate)
 * @param ppsOut         packets per second the server sends each player (its snapshot rate)
 * @param targetPlayers  the population arrivals keep the server near
 */
public record DemoServer(String name, int address, int proto, int port, int ppsIn, int ppsOut, int targetPlayers) {
    public DemoServer {
        if (proto != Proto.UDP && proto != Proto.TCP) throw new IllegalArgumentException("demo servers are udp or tcp: " + proto);
        if (ppsIn < 1 || ppsOut < 1) throw new IllegalArgumentException("tick rates must be positive: " + ppsIn + "/" + ppsOut);
        if (targetPlayers < 1) throw new IllegalArgumentException("targetPlayers must be positive: " + targetPlayers);
    }

    /** Three servers: two UDP shooters at different tick rates and one TCP block game. */
    public static DemoServer[] standard() {
        return new DemoServer[] {
            new DemoServer("arena", Packets.v4(192, 0, 2, 10), Proto.UDP, 27960, 30, 20, 8),
            new DemoServer("source", Packets.v4(192, 0, 2, 11), Proto.UDP, 27015, 64, 33, 12),
            new DemoServer("blocks", Packets.v4(192, 0, 2, 12), Proto.TCP, 25565, 20, 20, 5),
        };
    }

    public ServiceSpec spec() {
        Ip ip = Ip.ofV4(address);
        return new ServiceSpec(name, new ServiceKey(ip, proto, port), "connect " + ip + ":" + port);
    }
}
