package netwarden.app.demo;

import netwarden.model.Packet;

/**
 * Something in the simulated world that acts at scheduled times: a player, a query, a flood, or a
 * spawner that creates those. The world always steps the actor whose {@link #next} time is
 * earliest (ties by creation order), so the packet stream is in time order and deterministic.
 */
abstract sealed class Actor implements Comparable<Actor>
        permits PlayerSession, QueryExchange, Flood, Spawner {
    /** Time of the next step, epoch nanoseconds. */
    long next;
    /** Creation order, the tie-breaker that keeps equal times deterministic. */
    long seq;
    /** Set by {@link #step} when the actor has nothing more to do. */
    boolean done;

    /**
     * Acts at time {@link #next}: fills {@code p} and returns true for a packet, or returns false
     * (a spawner adding actors). Must then move {@link #next} forward or set {@link #done}.
     */
    abstract boolean step(Packet p, DemoTraffic world);

    @Override
    public final int compareTo(Actor o) {
        int c = Long.compare(next, o.next);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
