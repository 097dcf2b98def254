package netwarden.app.demo;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;

/**
 * Synthetic traffic of a small game host, made in-process: players joining and leaving at game
 * tick rates (both directions), query noise (2-packet exchanges from monitoring hosts), and every
 * few minutes a short flood from many spoofed sources, a SYN flood, or a reflection.
 *
 * <p>Design notes: a discrete-event simulation. Every actor (player session, query, flood, and the
 * spawners that create them) has a next time; {@link #emitUntil} always steps the earliest, so
 * packets come out in time order. All randomness comes from one {@link SplittableRandom} seeded by
 * the caller and is drawn in that deterministic order, so a seed and a start time fix the whole
 * stream. Packets are written into the caller's reused {@link Packet}; no allocation per packet.
 * Addresses are from documentation ranges: servers 192.0.2.10-12, players 198.51.100.0/24 and
 * 203.0.113.0/24, query hosts 192.0.2.128/25, reflectors 192.0.2.64/26, spoofed sources 198.18.0.0/15.
 * Not thread-safe.
 */
public final class DemoTraffic {
    private static final long SECOND = 1_000_000_000L;
    /** The earliest second of the first flood. */
    static final int FIRST_FLOOD_SECONDS = 12;

    private final SplittableRandom random;
    private final DemoServer[] servers;
    private final PriorityQueue<Actor> queue = new PriorityQueue<>();
    private final Set<Integer> activeClients = new HashSet<>();
    private Consumer<String> narration = text -> {};
    private long seq;
    private long packets;
    private long joins;
    private long floods;

    public DemoTraffic(long seed, long startNanos) {
        this(seed, startNanos, DemoServer.standard());
    }

    public DemoTraffic(long seed, long startNanos, DemoServer... servers) {
        if (servers.length == 0) throw new IllegalArgumentException("at least one demo server is needed");
        this.random = new SplittableRandom(seed);
        this.servers = servers.clone();
        for (DemoServer s : this.servers) {
            // Start half full, staggered over 15 s, so players appear within the first seconds.
            for (int i = 0; i < Math.max(1, s.targetPlayers() / 2); i++) spawnPlayer(s, startNanos + random.nextLong(15 * SECOND));
            add(new Spawner(Spawner.Kind.ARRIVALS, s, startNanos + exponential(Spawner.MEAN_SESSION_SECONDS / s.targetPlayers())));
        }
        if (Arrays.stream(this.servers).anyMatch(s -> s.proto() == Proto.UDP))
            add(new Spawner(Spawner.Kind.QUERIES, null, startNanos + SECOND));
        // The first flood early enough that a short demo shows a whole incident: it starts 12-17 s in, lasts at
        // most 8 s, so detection starts it before 30 s and the quiet period (15 s) ends it well before 90 s.
        add(new Spawner(Spawner.Kind.FLOODS, null, startNanos + seconds(FIRST_FLOOD_SECONDS + random.nextInt(6))));
    }

    /** Receives one line whenever a flood starts, for people watching the demo. */
    public DemoTraffic narrate(Consumer<String> narration) {
        this.narration = Objects.requireNonNull(narration);
        return this;
    }

    /** The simulated servers as configured services (names, addresses, connect strings). */
    public List<ServiceSpec> services() {
        return Arrays.stream(servers).map(DemoServer::spec).toList();
    }

    /**
     * Writes every packet with a timestamp before {@code untilNanos} into {@code p}, in time order,
     * handing each to {@code sink} before the next overwrites it.
     *
     * @return packets emitted by this call
     */
    public long emitUntil(long untilNanos, Packet p, Consumer<Packet> sink) {
        long n = 0;
        while (!queue.isEmpty() && queue.peek().next < untilNanos) {
            Actor a = queue.poll();
            boolean emitted = a.step(p, this);
            if (!a.done) queue.add(a);
            if (emitted) {
                sink.accept(p);
                n++;
            }
        }
        packets += n;
        return n;
    }

    public long packets() {
        return packets;
    }

    /** Players currently in a session (joined by the simulation, not necessarily by the engine yet). */
    public int playersActive() {
        return activeClients.size();
    }

    public long playerSessionsStarted() {
        return joins;
    }

    public long floodsStarted() {
        return floods;
    }

    SplittableRandom random() {
        return random;
    }

    /** One tick interval at {@code pps}, with ±10 % jitter, in nanoseconds. */
    long jittered(int pps) {
        long interval = SECOND / pps;
        return interval * 9 / 10 + random.nextLong(interval / 5 + 1);
    }

    /** An exponentially distributed gap with the given mean, in nanoseconds (at least 1 ms). */
    long exponential(double meanSeconds) {
        double u = random.nextDouble();
        return Math.max(1_000_000L, (long) (-Math.log1p(-u) * meanSeconds * SECOND));
    }

    long seconds(long s) {
        return s * SECOND;
    }

    void spawnPlayer(DemoServer server, long at) {
        int client = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = random.nextBoolean() ? Packets.v4(198, 51, 100, 1 + random.nextInt(254))
                    : Packets.v4(203, 0, 113, 1 + random.nextInt(254));
            if (!activeClients.contains(candidate)) {
                client = candidate;
                break;
            }
        }
        if (client == 0) return; // the documentation ranges are full; skip this arrival
        long length = Math.clamp(exponential(Spawner.MEAN_SESSION_SECONDS), 30 * SECOND, 600 * SECOND);
        activeClients.add(client);
        joins++;
        add(new PlayerSession(server, client, 1024 + random.nextInt(64_000), at, at + length));
    }

    void playerLeft(PlayerSession s) {
        activeClients.remove(s.client());
    }

    void spawnQuery(long at) {
        DemoServer[] udp = Arrays.stream(servers).filter(s -> s.proto() == Proto.UDP).toArray(DemoServer[]::new);
        DemoServer target = udp[random.nextInt(udp.length)];
        add(new QueryExchange(target, Packets.v4(192, 0, 2, 128 + random.nextInt(127)), 1024 + random.nextInt(64_000), at));
    }

    void spawnFlood(long at) {
        DemoServer target = servers[random.nextInt(servers.length)];
        Flood.Kind kind = Flood.kindFor(target, random.nextInt(2));
        int seconds = 3 + random.nextInt(6);
        int pps = 2000 + random.nextInt(4001);
        Flood f = new Flood(kind, target, at, seconds(seconds), pps, random.nextInt(3), 20 + random.nextInt(31));
        floods++;
        add(f);
        narration.accept(switch (kind) {
            case SPOOFED_UDP -> "spoofed UDP flood";
            case SYN -> "SYN flood";
            case REFLECTION -> "reflection";
        } + " on " + target.name() + ": ~" + pps + " pps for " + seconds + " s");
    }

    private void add(Actor a) {
        a.seq = seq++;
        queue.add(a);
    }
}
