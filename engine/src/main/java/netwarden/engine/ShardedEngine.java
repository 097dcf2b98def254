package netwarden.engine;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import netwarden.engine.detect.BaselineState;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Detector;
import netwarden.engine.detect.ScopeRules;
import netwarden.model.EngineSnapshot;
import netwarden.model.EventListener;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;
import netwarden.model.Ticker;
import netwarden.model.Times;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.OwnEndpoint;

/**
 * Several {@link Engine}s, one per core, behind the one input port: each shard owns the
 * destinations whose address hashes to it, with their services, flows, players and host and
 * service detection, and runs on its own thread behind a {@link HandoffPort}.
 *
 * <p>Design notes: the feeding thread routes each count to the shard of its destination address
 * (so a host's services, and its host scope, stay in one shard and every count stays exact), and a
 * copy of a packet whose sender may be a service of another shard to that shard for the reply side
 * only. Time is broadcast: each new 100 ms slot is handed to every shard (the detector's slots),
 * then the network detector here closes the same slot, then each new second goes to every shard (its
 * windows and players), the order one engine keeps. The network scope spans shards, so it lives
 * here and sees every packet; when it needs the shards (is an incident open in a service or host, so
 * the network's is suppressed; is an address a player) the feeding thread waits until every shard
 * has taken what it was handed, and reads them while they idle. Snapshots (every second when
 * publishing, else at the end) and baselines are taken the same way and merged
 * ({@link SnapshotMerge}); events are handed on in an order independent of thread timing
 * ({@link ShardEvents}). Limits that are global in one engine (flow capacity: split evenly;
 * candidates, discovered services and hosts: per shard) are what may differ once reached.
 */
public final class ShardedEngine implements EnginePort {
    /**
     * A shard's ring: 4 batches of 1,024 frames. Shorter than one engine's handoff, because the
     * feeding thread waits for every shard to drain its ring whenever the network scope asks them
     * (each 100 ms slot while a service is attacked): a short ring keeps that wait short.
     */
    static final int LANE_BATCH = 1024, LANE_RING = 4;
    private final Engine[] shards;
    private final HandoffPort[] lanes;
    private final ShardEvents events;
    private final ShardEvents.Source networkEvents;
    private final Detector network;
    private final DetectionConfig detection;
    private final boolean publishEachSecond;
    private final boolean discovers;
    private final Map<String, BaselineState> restored;
    private final OwnEndpoints own = new OwnEndpoints();
    /** Service changes asked from any thread, handed to the shards by the feeding thread at the next second. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> changes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Ports (udp, tcp) any shard may have an endpoint on: a superset, so no reply is missed. */
    private final boolean[][] servicePorts = new boolean[2][65536];
    private final Spread.Piece piece = this::countPiece;
    private final Packet flowPacket = new Packet();
    private Packet spreading;
    private long slot = Long.MIN_VALUE;
    private long second = Long.MIN_VALUE;
    private long epoch;
    private boolean handedOver;
    private boolean ended;
    private volatile EngineSnapshot published = EngineSnapshot.EMPTY;

    public ShardedEngine(EngineConfig config, EventListener listener, boolean publishEachSecond,
                         Map<String, BaselineState> baselines, int shardCount, boolean stableFrames) {
        this(config, listener, publishEachSecond, baselines, shardCount, stableFrames, Ticker.SYSTEM);
    }

    /** @param ticker monotonic time for the detectors' own cost; tests pass a fake one */
    public ShardedEngine(EngineConfig config, EventListener listener, boolean publishEachSecond,
                         Map<String, BaselineState> baselines, int shardCount, boolean stableFrames, Ticker ticker) {
        if (shardCount < 1) throw new IllegalArgumentException("shards must be at least 1: " + shardCount);
        Objects.requireNonNull(listener, "listener");
        this.publishEachSecond = publishEachSecond;
        this.discovers = config.discovers();
        this.restored = Map.copyOf(baselines);
        this.detection = config.detection();
        DetectionConfig d = config.detection();
        ScopeRules off = new ScopeRules(false, d.network().floors());
        var perShard = new EngineConfig(List.of(), config.discovery(), config.players(), config.windows(),
                Math.max(16, (config.flowCapacity() + shardCount - 1) / shardCount),
                d.withRules(d.service(), d.host(), off).withSpray(new ScopeRules(false, d.spray().floors())), 1);
        this.events = new ShardEvents(shardCount + 1, listener);
        this.shards = new Engine[shardCount];
        this.lanes = new HandoffPort[shardCount];
        var configured = new ArrayList<List<ServiceSpec>>();
        for (int i = 0; i < shardCount; i++) configured.add(new ArrayList<>());
        for (ServiceSpec s : config.services()) {
            configured.get(shardOf(s.key().address().hi(), s.key().address().lo())).add(s);
            markPort(s);
        }
        for (int i = 0; i < shardCount; i++) {
            var own = new EngineConfig(configured.get(i), perShard.discovery(), perShard.players(), perShard.windows(),
                    perShard.flowCapacity(), perShard.detection(), 1);
            // A shard with no configured service of its own must not discover when the others have some.
            if (!config.discovers()) own = withoutDiscovery(own);
            shards[i] = new Engine(own, events.source(i).listener(), false, baselines, ticker);
            lanes[i] = new HandoffPort(shards[i], "engine-shard-" + i, !stableFrames, LANE_BATCH, LANE_RING);
        }
        this.networkEvents = events.source(shardCount);
        // Spray scopes (one source port answering to many destinations) span shards like the network's: both live here.
        boolean watchNetwork = d.enabled() && (d.network().enabled() || d.spray().enabled());
        this.network = watchNetwork ? new Detector(d.withRules(new ScopeRules(false, d.service().floors()),
                new ScopeRules(false, d.host().floors()), d.network()), networkEvents.listener(), baselines,
                (scope, hi, lo) -> playerAnywhere(hi, lo), ticker) : null;
        if (network != null) network.incidentsElsewhere(this::incidentOpenInShards);
    }

    private static EngineConfig withoutDiscovery(EngineConfig c) {
        var d = c.discovery();
        var none = new DiscoveryConfig(false, d.minSources(), d.window(), d.maxServices(), d.maxCandidates());
        return new EngineConfig(c.services(), none, c.players(), c.windows(), c.flowCapacity(), c.detection(), 1);
    }

    /** Number of shards. */
    public int shards() {
        return shards.length;
    }

    @Override
    public void frame(Packet p, MemorySegment data, long frameOffset) {
        count(p, 1, p.wireLen, data, frameOffset);
    }

    @Override
    public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {
        long ts = p.tsNanos;
        spreading = p;
        Spread.over(startNanos, endNanos, packets, bytes, piece);
        spreading = null;
        p.tsNanos = ts;
    }

    @Override
    public void flow(FlowRecord record) {
        FlowPackets.fill(record, flowPacket);
        aggregate(flowPacket, record.scaledPackets(), record.scaledBytes(), record.startNanos(), record.endNanos());
    }

    private void countPiece(long tsNanos, long packets, long bytes) {
        spreading.tsNanos = tsNanos;
        count(spreading, packets, bytes, null, 0);
    }

    /** Routes one count (as {@link Engine}'s counting path would take it) to its shards and the network detector. */
    private void count(Packet p, long packets, long bytes, MemorySegment data, long frameOffset) {
        if (packets <= 0) return;
        handedOver = true;
        if (!p.isIp()) {
            lanes[0].count(p, packets, bytes, data, frameOffset, false); // totals only
            return;
        }
        if (own.drop(p, packets)) return;
        long s = Math.floorDiv(p.tsNanos, Slots.NANOS);
        if (s > slot) step(p.tsNanos, s);
        int to = shardOf(p.dstHi, p.dstLo);
        lanes[to].count(p, packets, bytes, data, frameOffset, false);
        if (discovers && p.dstPort >= 0) markPort(p.proto, p.dstPort);
        if (p.srcPort >= 0 && mayServe(p.proto, p.srcPort)) {
            int from = shardOf(p.srcHi, p.srcLo);
            if (from != to) lanes[from].count(p, packets, bytes, null, 0, true);
        }
        if (network != null) network.onPacket(p, packets, bytes, data, frameOffset, null, false); // player traffic matters to service bars only
    }

    /** Closes every slot and second before {@code nanos} everywhere, in one engine's order. */
    private void step(long nanos, long newSlot) {
        epoch++;
        handedOver = true;
        for (int i = 0; i < shards.length; i++) {
            Engine e = shards[i];
            ShardEvents.Source src = events.source(i);
            long ep = epoch;
            lanes[i].run(() -> {
                src.epoch = ep;
                e.advanceDetection(nanos);
            });
        }
        networkEvents.epoch = epoch;
        if (network != null) network.advanceTo(nanos);
        slot = newSlot;
        long sec = Times.second(nanos);
        if (sec > second) {
            second = sec;
            for (Runnable c; (c = changes.poll()) != null; ) c.run();
            for (int i = 0; i < shards.length; i++) {
                Engine e = shards[i];
                lanes[i].run(() -> e.advanceTo(nanos));
            }
            if (publishEachSecond) published = snapshot();
        }
        events.release(events.finishedBy());
    }

    @Override
    public void advanceTo(long nowNanos) {
        long s = Math.floorDiv(nowNanos, Slots.NANOS);
        if (s > slot) step(nowNanos, s);
    }

    @Override
    public void endOfInput() {
        finish(true);
    }

    @Override
    public void finish(boolean endAttacks) {
        if (ended) return;
        if (slot != Long.MIN_VALUE) {
            long end = (second + 1) * Times.NANOS_PER_SECOND;
            step(end, Math.floorDiv(end, Slots.NANOS));
            if (endAttacks) {
                for (int i = 0; i < shards.length; i++) {
                    Engine e = shards[i];
                    lanes[i].run(() -> e.endShard(false));
                }
                handedOver = true;
                if (network != null) network.closeLast();
                for (int i = 0; i < shards.length; i++) {
                    Engine e = shards[i];
                    lanes[i].run(() -> e.endShard(true));
                }
                handedOver = true;
                if (network != null) network.drain();
            }
        }
        for (int i = 0; i < shards.length; i++) lanes[i].end(() -> {});
        ended = true;
        events.release(Long.MAX_VALUE);
        published = snapshot();
    }

    @Override
    public EngineSnapshot snapshot() {
        sync();
        var parts = new ArrayList<EngineSnapshot>(shards.length);
        for (Engine e : shards) parts.add(e.snapshot());
        return SnapshotMerge.merge(parts, network == null ? List.of() : network.incidents(),
                network == null ? netwarden.model.DetectionCounters.ZERO : network.counters(0), detection.recentIncidents());
    }

    @Override
    public Supplier<EngineSnapshot> published() {
        return () -> published;
    }

    /** Restored baselines, with every one a shard or the network detector learned in their place. */
    @Override
    public Map<String, BaselineState> baselines() {
        sync();
        var out = new TreeMap<>(restored);
        for (Engine e : shards) learned(e.baselines(), out);
        if (network != null) learned(network.baselines(), out);
        return out;
    }

    private void learned(Map<String, BaselineState> from, Map<String, BaselineState> into) {
        from.forEach((k, v) -> {
            if (!v.equals(restored.get(k))) into.put(k, v);
        });
    }

    @Override
    public long ownPackets() {
        return own.dropped();
    }

    @Override
    public void addOwnEndpoint(OwnEndpoint endpoint) {
        own.add(endpoint);
    }

    @Override
    public void removeOwnEndpoint(OwnEndpoint endpoint) {
        own.remove(endpoint);
    }

    /**
     * Queued here and handed to the service's shard by the feeding thread when the next second
     * starts, just before the shard closes the last one, where one engine would apply it; so the
     * feeding thread knows the service's port before any reply to it is routed.
     */
    @Override
    public CompletableFuture<Void> addService(ServiceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return later(() -> {
            markPort(spec);
            return shards[shardOf(spec.key().address().hi(), spec.key().address().lo())].addService(spec);
        });
    }

    @Override
    public CompletableFuture<Void> renameService(String id, String newName) {
        return later(() -> inAnyShard(e -> e.renameService(id, newName)));
    }

    @Override
    public CompletableFuture<Void> removeService(String id) {
        return later(() -> inAnyShard(e -> e.removeService(id)));
    }

    private CompletableFuture<Void> later(Supplier<CompletableFuture<Void>> change) {
        var done = new CompletableFuture<Void>();
        changes.add(() -> change.get().whenComplete((v, t) -> {
            if (t == null) done.complete(null);
            else done.completeExceptionally(t);
        }));
        return done;
    }

    /** Asks every shard; done when the one holding the service is, failed (with the first reason) when none does. */
    private CompletableFuture<Void> inAnyShard(Function<Engine, CompletableFuture<Void>> change) {
        var all = new ArrayList<CompletableFuture<Void>>();
        for (Engine e : shards) all.add(change.apply(e));
        var done = new CompletableFuture<Void>();
        CompletableFuture.allOf(all.stream().map(f -> f.handle((v, t) -> null)).toArray(CompletableFuture[]::new))
                .thenRun(() -> {
                    Throwable first = null;
                    for (var f : all) {
                        if (!f.isCompletedExceptionally()) {
                            done.complete(null);
                            return;
                        }
                        if (first == null) first = f.handle((v, t) -> t).join();
                    }
                    done.completeExceptionally(first);
                });
        return done;
    }

    /** Waits until every shard has taken what it was handed; their state may be read until more is handed over. */
    private void sync() {
        if (ended || !handedOver) return;
        for (HandoffPort lane : lanes) lane.sync();
        handedOver = false;
    }

    private boolean incidentOpenInShards() {
        sync();
        for (Engine e : shards) if (e.incidentOpen()) return true;
        return false;
    }

    private boolean playerAnywhere(long hi, long lo) {
        sync();
        for (Engine e : shards) if (e.playerAnywhere(hi, lo)) return true;
        return false;
    }

    int shardOf(long hi, long lo) {
        if (shards == null || shards.length == 1) return 0;
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) Math.floorMod(h, (long) shards.length);
    }

    private boolean mayServe(int proto, int port) {
        int row = row(proto);
        return row < 0 || servicePorts[row][port];
    }

    private void markPort(ServiceSpec s) {
        markPort(s.key().proto(), s.key().port());
    }

    private void markPort(int proto, int port) {
        int row = row(proto);
        if (row >= 0 && port >= 0 && port < 65536) servicePorts[row][port] = true;
    }

    private static int row(int proto) {
        return proto == Proto.UDP ? 0 : proto == Proto.TCP ? 1 : -1;
    }

    /** The detector's slot length, as this class steps time by it. */
    private static final class Slots {
        static final long NANOS = Detector.SLOT_NANOS;
    }
}
