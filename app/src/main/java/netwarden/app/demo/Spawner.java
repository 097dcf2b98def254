package netwarden.app.demo;

import netwarden.model.Packet;

/**
 * Creates actors over time, never packets: player arrivals for one server (a Poisson process that
 * keeps the population near its target), query noise, or the occasional flood.
 */
final class Spawner extends Actor {
    enum Kind { ARRIVALS, QUERIES, FLOODS }

    /** Mean session length; arrivals per second are target / this. */
    static final double MEAN_SESSION_SECONDS = 150;
    private static final double MEAN_QUERY_GAP_SECONDS = 2;

    private final Kind kind;
    private final DemoServer server;

    Spawner(Kind kind, DemoServer server, long first) {
        this.kind = kind;
        this.server = server;
        this.next = first;
    }

    @Override
    boolean step(Packet p, DemoTraffic world) {
        switch (kind) {
            case ARRIVALS -> {
                world.spawnPlayer(server, next);
                next += world.exponential(MEAN_SESSION_SECONDS / server.targetPlayers());
            }
            case QUERIES -> {
                world.spawnQuery(next);
                next += world.exponential(MEAN_QUERY_GAP_SECONDS);
            }
            case FLOODS -> {
                world.spawnFlood(next);
                next += world.seconds(90 + world.random().nextInt(150));
            }
        }
        return false;
    }
}
