package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.model.Times;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import netwarden.testkit.Packets;
import org.junit.jupiter.api.Test;

/**
 * A sharded engine reports exactly what one engine reports: the same snapshot (services, players,
 * counters, incidents, detection counters) and the same events (the order within one time step may
 * differ, so they are compared sorted by time, then text).
 */
class ShardedEngineTest {
    static final long S = Times.NANOS_PER_SECOND;
    static final String[] SERVERS = {"192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5", "192.0.2.6"};

    /**
     * Players who get answers on six servers, a flood on one, a flood on all six (the network's
     * suppressed by theirs), a flood spread over thousands of hosts (the network's own), aggregates,
     * flow records, time advances and a non-IP frame.
     */
    static void mixed(IngestPort port) {
        mixed(port, true);
    }

    static void mixed(IngestPort port, boolean spreadFlood) {
        var rnd = new SplittableRandom(11);
        Packet p = new Packet();
        long t = Traffic.T0;
        for (int i = 0; i < 600_000; i++) {
            boolean flood = i > 120_000 && i < 180_000;
            boolean wide = i > 260_000 && i < 320_000;
            boolean spread = spreadFlood && i > 340_000 && i < 560_000; // to 2000 hosts (below the host limit, which counts per shard), none flooded: the network's
            t += spread ? 2_500 : 25_000;
            if (spreadFlood && i == 340_000) t += 40 * S; // after the services' incidents ended, which suppress the network's
            int server = wide ? rnd.nextInt(SERVERS.length) : i % SERVERS.length;
            int src = flood || wide || spread ? rnd.nextInt(40_000) : (i / SERVERS.length) % 4;
            String from = Ip.ofV4(0xc6336400 | src).toString();
            String to = flood ? SERVERS[0] : spread ? Ip.ofV4(0x0a010000 | rnd.nextInt(2000)).toString() : SERVERS[server];
            p.copyFrom(Packets.of(Proto.UDP, from, 40000 + (src & 7), to, 27960, 100, t));
            port.frame(p, null, 0);
            if (!flood && !wide && !spread && i % 2 == 0) { // the server answers its players
                p.copyFrom(Packets.of(Proto.UDP, to, 27960, from, 40000 + (src & 7), 120, t + 1000));
                port.frame(p, null, 0);
            }
            if (i % 20_000 == 0) {
                port.aggregate(Packets.of(Proto.UDP, "203.0.113.9", 5000, SERVERS[1], 27960, 0, 0), 50, 5000, t - 3 * S, t);
                port.flow(new FlowRecord(Ip.parse("10.9.9.9"), Ip.parse("203.0.113.10"), Ip.parse(SERVERS[2]), 6000, 27960,
                        Proto.UDP, 12_000, 100, 2, t - 2 * S, t, 0, 1, 2));
                port.advanceTo(t - S);
                p.copyFrom(Packets.of(Proto.ICMP, "198.51.100.7", -1, SERVERS[3], -1, 64, t));
                port.frame(p, null, 0);
            }
        }
        port.advanceTo(t + 30 * S); // quiet: players leave, incidents end
        port.endOfInput();
    }

    static EngineConfig config(boolean configured) {
        var d = EngineConfig.defaults();
        List<ServiceSpec> services = configured ? List.of(
                new ServiceSpec("a", new ServiceKey(Ip.parse(SERVERS[0]), Proto.UDP, 27960), null),
                new ServiceSpec("b", new ServiceKey(Ip.parse(SERVERS[1]), Proto.UDP, 27960), null),
                new ServiceSpec("c", new ServiceKey(Ip.parse(SERVERS[4]), Proto.UDP, 27960), null)) : List.of();
        return new EngineConfig(services, d.discovery(), d.players(), d.windows(), d.flowCapacity());
    }

    record Run(EngineSnapshot snapshot, List<String> events, Map<String, ?> baselines) {}

    static Run one(EngineConfig config, Consumer<IngestPort> feed) {
        var log = new EventLog();
        // A still ticker: the detector's own cost in wall time is the one figure that may differ.
        Engine e = new Engine(config, log, false, Map.of(), () -> 0L);
        feed.accept(e);
        return new Run(e.snapshot(), sorted(log), e.baselines());
    }

    static Run sharded(EngineConfig config, int shards, boolean stable, Consumer<IngestPort> feed) {
        var log = new EventLog();
        var e = new ShardedEngine(config, log, false, Map.of(), shards, stable, () -> 0L);
        feed.accept(e);
        return new Run(e.snapshot(), sorted(log), e.baselines());
    }

    static List<String> sorted(EventLog log) {
        return log.events.stream().sorted(Comparator.comparingLong(Event::tsNanos).thenComparing(Object::toString))
                .map(Object::toString).toList();
    }

    static void assertSame(Run sharded, Run one) {
        assertThat(sharded.snapshot().toString()).isEqualTo(one.snapshot().toString());
        assertThat(sharded.events()).containsExactlyElementsOf(one.events());
        assertThat(sharded.baselines()).isEqualTo(one.baselines());
    }

    @Test
    @org.junit.jupiter.api.Disabled("Known gap (issue 11): since issue 14 the recent-packet ring that seeds incident sources and the measured input span are per shard, so incident top sources, rates at the input's edges and evaluation counts differ from one engine; engine.shards defaults to 1 until they are shared")
    void twoAndThreeShardsReportExactlyWhatOneEngineReportsWithConfiguredServices() {
        Run one = one(config(true), ShardedEngineTest::mixed);
        assertThat(one.snapshot().players()).isNotEmpty();
        assertThat(one.events()).anyMatch(s -> s.startsWith("AttackStarted")).anyMatch(s -> s.startsWith("PlayerLeft"));
        assertThat(one.snapshot().incidents()).anyMatch(i -> i.scope() == netwarden.model.ScopeKind.NETWORK);
        assertSame(sharded(config(true), 2, true, ShardedEngineTest::mixed), one);
        assertSame(sharded(config(true), 3, false, ShardedEngineTest::mixed), one);
    }

    @Test
    @org.junit.jupiter.api.Disabled("Known gap (issue 11): since issue 14 the recent-packet ring that seeds incident sources and the measured input span are per shard, so incident top sources, rates at the input's edges and evaluation counts differ from one engine; engine.shards defaults to 1 until they are shared")
    void shardsDiscoverTheSameServicesAsOneEngine() {
        // Without the flood to thousands of hosts: the limits on candidates and discovered services
        // count per shard, so a flood that reaches them is where shards and one engine may differ.
        Run one = one(config(false), p -> mixed(p, false));
        assertThat(one.snapshot().services()).hasSizeGreaterThan(2);
        assertSame(sharded(config(false), 2, true, p -> mixed(p, false)), one);
    }

    @Test
    @org.junit.jupiter.api.Disabled("Known gap (issue 11): since issue 14 the recent-packet ring that seeds incident sources and the measured input span are per shard, so incident top sources, rates at the input's edges and evaluation counts differ from one engine; engine.shards defaults to 1 until they are shared")
    void eventsArriveInTheSameOrderEveryRunWhateverTheThreadsTiming() {
        List<List<String>> orders = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            var log = new EventLog();
            var e = new ShardedEngine(config(true), log, run == 0, Map.of(), 3, true, () -> 0L); // publishing or not
            mixed(e, false);
            orders.add(log.events.stream().map(Object::toString).toList());
        }
        assertThat(orders.get(0)).hasSizeGreaterThan(10);
        assertThat(orders.get(1)).containsExactlyElementsOf(orders.get(0));
    }

    @Test
    @org.junit.jupiter.api.Disabled("Known gap (issue 11): since issue 14 the recent-packet ring that seeds incident sources and the measured input span are per shard, so incident top sources, rates at the input's edges and evaluation counts differ from one engine; engine.shards defaults to 1 until they are shared")
    void theReplyOfAServiceInAnotherShardIsCountedToTheService() {
        var config = config(true);
        var probe = new ShardedEngine(config, e -> {}, false, Map.of(), 2, true);
        // Find a player address that lands in the other shard than server a's.
        Ip server = Ip.parse(SERVERS[0]);
        int serverShard = probe.shardOf(server.hi(), server.lo());
        Ip player = null;
        for (int i = 1; player == null; i++) {
            Ip c = Ip.ofV4(0xcb007100 | i);
            if (probe.shardOf(c.hi(), c.lo()) != serverShard) player = c;
        }
        probe.endOfInput();
        Ip other = player;
        Consumer<IngestPort> game = port -> {
            Packet p = new Packet();
            for (int i = 0; i < 2000; i++) {
                long t = Traffic.T0 + i * 20_000_000L;
                p.copyFrom(Packets.of(Proto.UDP, other.toString(), 50000, SERVERS[0], 27960, 90, t));
                port.frame(p, null, 0);
                p.copyFrom(Packets.of(Proto.UDP, SERVERS[0], 27960, other.toString(), 50000, 140, t + 5_000_000));
                port.frame(p, null, 0);
            }
            port.endOfInput();
        };
        Run one = one(config, game);
        Run two = sharded(config, 2, false, game);
        assertSame(two, one);
        var a = two.snapshot().services().stream().filter(s -> s.id().equals("a")).findFirst().orElseThrow();
        assertThat(a.packetsOut()).isEqualTo(2000);
        assertThat(two.snapshot().counters().packets()).isEqualTo(4000);
        assertThat(two.snapshot().players()).singleElement().satisfies(pl -> assertThat(pl.packetsOut()).isEqualTo(2000));
    }

    @Test
    void servicesAddedAndRemovedAtRuntimeGoToTheirShard() {
        var log = new EventLog();
        var e = new ShardedEngine(config(true), log, true, Map.of(), 2, true, () -> 0L);
        var added = e.addService(new ServiceSpec("d", new ServiceKey(Ip.parse(SERVERS[5]), Proto.UDP, 27960), null));
        var removed = e.removeService("b");
        var missing = e.removeService("nope");
        Packet p = new Packet();
        for (int i = 0; i < 300; i++) {
            p.copyFrom(Packets.of(Proto.UDP, "198.51.100.1", 40000, SERVERS[5], 27960, 100, Traffic.T0 + i * 10_000_000L));
            e.frame(p, null, 0);
        }
        e.finish();
        assertThat(added).isDone().isNotCompletedExceptionally();
        assertThat(removed).isDone().isNotCompletedExceptionally();
        assertThat(missing).isCompletedExceptionally();
        assertThat(e.published().get().services()).extracting(s -> s.id()).containsExactly("a", "c", "d");
    }
}
