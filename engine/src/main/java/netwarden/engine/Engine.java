package netwarden.engine;

import java.util.ArrayList;
import java.util.function.Supplier;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import netwarden.engine.detect.BaselineState;
import netwarden.engine.detect.Detector;
import netwarden.engine.detect.Scope;
import netwarden.engine.flow.Flow;
import netwarden.engine.flow.FlowTable;
import netwarden.engine.sketch.AddressSet;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.model.Ticker;
import netwarden.model.Times;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import netwarden.model.ingest.OwnEndpoint;
import netwarden.model.ingest.ServiceRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * Per-service 1-second windows, service discovery and players, driven by what sources write to its
 * {@link IngestPort}: frames, aggregates, flow records and time.
 *
 * <p>Design notes: one pipeline thread owns an Engine and calls the port's methods; nothing here is
 * thread-safe except {@link #published()}. Every input, whatever its shape, ends in one counting
 * path keyed by its destination endpoint ({@code count}): an aggregate or flow record is first cut
 * into one piece per second it spans ({@link Spread}), a flow record first becomes the packet it
 * stands for ({@link FlowPackets}). Endpoint, flow and host-scope state is keyed by the
 * destination (the reverse direction of a packet from a service is looked up by its source, the
 * service), so the engine can be sharded by destination address behind the same port; only the
 * totals, the network scope and the one-second clock span shards. Time is the input's own (replay is deterministic)
 * or the injected clock's; the only other time read is the injected {@link Ticker}, for the cost
 * of detection. Each time a second
 * closes, the engine rolls every active endpoint's bin into an immutable {@code WindowStats},
 * evaluates players, emits events to the listener (which must not block) and, when enabled,
 * publishes a fresh {@link EngineSnapshot} through a volatile field — the only data other
 * threads ever see. Per-packet work is a few hash probes and no allocation for known sources.
 */
public final class Engine implements EnginePort {
    private static final long NO_SECOND = Long.MIN_VALUE;
    private static final long SWEEP_EVERY_SECONDS = 10;

    private final EngineConfig config;
    private final EventListener events;
    private final boolean publishEachSecond;
    private final EndpointTable endpoints = new EndpointTable();
    private final FlowTable flows;
    private final PlayerRules rules;
    private final BinCloser closer;
    private final Detector detector;
    private final Stats stats = new Stats();
    private final ArrayList<Endpoint> active = new ArrayList<>();
    private final ServiceChanges changes;
    private final Spread.Piece piece = this::countPiece;
    private final Packet flowPacket = new Packet();
    private Packet spreading;
    /** True while a sampled flow record (rate above 1) is being counted: the players it touches become estimates. */
    private boolean countingSampled;
    /** Whether the last packet counted by {@link #inbound} came from a player of its service. */
    private boolean fromPlayer;
    private long currentSecond = NO_SECOND;
    private long lastSweep = NO_SECOND;
    private volatile EngineSnapshot published = EngineSnapshot.EMPTY;
    private final OwnEndpoints own = new OwnEndpoints();

    /** Mutable totals, copied into each snapshot. */
    static final class Stats {
        long packets, bytes, nonIp, late, untracked, untrackedSources, discovered, sketchSwitches, joins, leaves;
    }

    /**
     * @param publishEachSecond publish a snapshot whenever a second closes (live use); replay leaves
     *                          it off and calls {@link #snapshot()} once at the end
     */
    public Engine(EngineConfig config, EventListener events, boolean publishEachSecond) {
        this(config, events, publishEachSecond, Map.of());
    }

    /**
     * @param baselines learned detection baselines from an earlier run ({@link #baselines()}), keyed as there
     */
    public Engine(EngineConfig config, EventListener events, boolean publishEachSecond, Map<String, BaselineState> baselines) {
        this(config, events, publishEachSecond, baselines, Ticker.SYSTEM);
    }

    /** @param ticker monotonic time for measuring the detector's own cost; tests pass a fake one */
    public Engine(EngineConfig config, EventListener events, boolean publishEachSecond, Map<String, BaselineState> baselines,
                  Ticker ticker) {
        this.config = config;
        this.events = events;
        this.publishEachSecond = publishEachSecond;
        this.flows = new FlowTable(config.flowCapacity());
        this.rules = new PlayerRules(config.players());
        this.detector = new Detector(config.detection(), events, baselines, this::isPlayer, ticker);
        this.closer = new BinCloser(config, rules, events, stats, detector);
        this.changes = new ServiceChanges(config.windows(), endpoints, flows, detector, this::promote);
        for (ServiceSpec s : config.services()) {
            Endpoint e = new Endpoint(endpoints.nextId(), s.key(), s.name(), s.connect(), true, config.windows());
            promote(e, s.name());
            endpoints.add(e);
        }
    }

    /** An engine that publishes a snapshot every closed second. */
    public Engine(EngineConfig config, EventListener events) {
        this(config, events, true);
    }

    /** A frame without its bytes (synthetic traffic, tests): as {@link #frame} with no data. */
    public void onPacket(Packet p) {
        count(p, 1, p.wireLen, null, 0);
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
        countingSampled = record.samplingRate() > 1;
        aggregate(flowPacket, record.scaledPackets(), record.scaledBytes(), record.startNanos(), record.endNanos());
        countingSampled = false;
    }

    private void countPiece(long tsNanos, long packets, long bytes) {
        spreading.tsNanos = tsNanos;
        count(spreading, packets, bytes, null, 0);
    }

    /** The one counting path: {@code packets} like {@code p} at {@code p.tsNanos}, with the frame's bytes when known. */
    private void count(Packet p, long packets, long bytes, MemorySegment data, long frameOffset) {
        if (packets <= 0) return;
        stats.packets += packets;
        stats.bytes += bytes;
        if (!p.isIp()) {
            stats.nonIp += packets;
            return;
        }
        if (own.drop(p, packets)) return;
        long second = Times.second(p.tsNanos);
        detector.advanceTo(p.tsNanos);
        if (second > currentSecond) {
            if (currentSecond == NO_SECOND) currentSecond = second;
            else closeUpTo(second);
        } else if (second < currentSecond) {
            stats.late++;
        }
        fromPlayer = false;
        Endpoint service = p.dstPort >= 0 ? inbound(p, packets, bytes) : null;
        if (p.srcPort >= 0 && endpoints.portInUse(p.proto, p.srcPort)) outbound(p, packets, bytes);
        detector.onPacket(p, packets, bytes, data, frameOffset, service == null ? null : service.scope, fromPlayer);
    }

    /**
     * A shard's share of a count ({@link ShardedEngine}): the whole count, or with {@code outboundOnly}
     * only the reply side of a packet whose destination lives in another shard (its sender may be a
     * service of this one), which counts nothing else.
     */
    void shardCount(Packet p, long packets, long bytes, MemorySegment data, long frameOffset, boolean outboundOnly) {
        if (!outboundOnly) count(p, packets, bytes, data, frameOffset);
        else if (packets > 0 && p.srcPort >= 0 && endpoints.portInUse(p.proto, p.srcPort)) outbound(p, packets, bytes);
    }

    /** Closes the detector's slots up to {@code nanos} but not the engine's second (a shard's half of a time step). */
    void advanceDetection(long nanos) {
        detector.advanceTo(nanos);
    }

    /** Whether a service or host scope of this engine has an incident open (the network scope is suppressed then). */
    boolean incidentOpen() {
        return detector.incidentOpen();
    }

    /** Whether the address is a current player of any service here. */
    boolean playerAnywhere(long hi, long lo) {
        for (Endpoint e : endpoints.all()) {
            if (!e.promoted) continue;
            Flow f = flows.get(e.id, hi, lo);
            if (f != null && f.isPlayer()) return true;
        }
        return false;
    }

    /**
     * A shard's end of input, after the last second was closed by {@link #advanceTo}: with
     * {@code endIncidents} false the open slot closes (as {@link #finish} closes it), with true every
     * open incident then ends; in two calls, so the network scope sees every shard's last slot first.
     */
    void endShard(boolean endIncidents) {
        if (currentSecond == NO_SECOND) return;
        if (!endIncidents) detector.closeLast();
        else detector.drain();
    }

    /** Closes every second that ended at or before {@code nowNanos} (the live clock's tick). */
    @Override
    public void advanceTo(long nowNanos) {
        long second = Times.second(nowNanos);
        detector.advanceTo(nowNanos);
        if (currentSecond == NO_SECOND) currentSecond = second;
        else if (second > currentSecond) closeUpTo(second);
    }

    @Override
    public void endOfInput() {
        finish(true);
    }


    /**
     * End of input. With {@code endAttacks} (a replayed file is over, nothing more will come) every
     * open incident ends where its traffic ended, so the record is complete.
     */
    @Override
    public void finish(boolean endAttacks) {
        if (currentSecond != NO_SECOND) {
            if (endAttacks) detector.inputEnded();
            detector.advanceTo((currentSecond + 1) * Times.NANOS_PER_SECOND);
            closeUpTo(currentSecond + 1);
            if (endAttacks) detector.drain();
        }
        published = snapshot();
    }

    /** Learned detection baselines, to persist and pass to the next run's constructor. */
    @Override
    public Map<String, BaselineState> baselines() {
        return detector.baselines();
    }

    @Override
    public EngineSnapshot snapshot() {
        long asOf = currentSecond == NO_SECOND ? 0 : currentSecond * Times.NANOS_PER_SECOND;
        return SnapshotBuilder.build(asOf, endpoints.all(), stats, flows, endpoints.size(), detector);
    }

    /** Thread-safe access to the latest published snapshot. */
    @Override
    public Supplier<EngineSnapshot> published() {
        return () -> published;
    }

    /** Counts a packet to an endpoint; returns the endpoint when it is a service, else null. */
    private Endpoint inbound(Packet p, long packets, long bytes) {
        Endpoint e = endpoints.get(p.dstHi, p.dstLo, p.proto, p.dstPort);
        if (e == null && (e = newCandidate(p)) == null) return null;
        e.packetsIn += packets;
        e.bytesIn += bytes;
        e.binPackets += packets;
        e.binBytes += bytes;
        e.lastSeen = p.tsNanos;
        if (!e.active) {
            e.active = true;
            active.add(e);
        }
        if (p.srcHi == p.dstHi && p.srcLo == p.dstLo) return e.promoted ? e : null; // its own address is never a source
        Flow f = flows.get(e.id, p.srcHi, p.srcLo);
        if (f == null && e.scope != null && detector.frozen(e.scope)) {
            // Under attack the player set is frozen, so a source first seen now gets no flow entry:
            // it is still counted (totals, distinct sources, the incident's heavy hitters), and a
            // spoofed flood cannot churn the table that holds the real players.
            if (e.binSources.add(p.srcHi, p.srcLo)) stats.sketchSwitches++;
            stats.untrackedSources += packets;
            return e;
        }
        if (f == null) {
            f = flows.create(e.id, e, p.srcHi, p.srcLo);
            e.binNewSources++;
            if (e.scope != null) detector.newSource(e.scope);
        } else {
            flows.touch(f);
        }
        startSecond(f, e);
        if (!f.binSourceCounted) {
            f.binSourceCounted = true;
            if (e.binSources.add(p.srcHi, p.srcLo)) stats.sketchSwitches++;
        }
        if (countingSampled) f.estimated = true;
        fromPlayer = f.isPlayer();
        f.binIn += (int) packets;
        f.binBytesIn += bytes;
        f.packetsIn += packets;
        f.bytesIn += bytes;
        if (f.firstSeen == 0) f.firstSeen = p.tsNanos;
        if (p.tsNanos > f.lastSeen) f.lastSeen = p.tsNanos;
        if (p.tcpFlags >= 0) {
            if (p.payloadLen > 0) f.tcpDataIn = true;
            if ((p.tcpFlags & (Packet.FIN | Packet.RST)) != 0) f.tcpClosed = true;
        }
        e.top.offer(f, currentSecond);
        if (!e.promoted) discover(e, p);
        return e.promoted ? e : null;
    }

    private void outbound(Packet p, long packets, long bytes) {
        Endpoint e = endpoints.get(p.srcHi, p.srcLo, p.proto, p.srcPort);
        if (e == null) return;
        e.packetsOut += packets;
        if (!e.acceptsTcp && DiscoveryEvidence.accepts(p)) e.acceptsTcp = true;
        e.bytesOut += bytes;
        Flow f = flows.get(e.id, p.dstHi, p.dstLo);
        if (f == null) return; // the service spoke first; only sources that sent to it are tracked
        startSecond(f, e);
        f.binOut += (int) packets;
        f.packetsOut += packets;
        f.bytesOut += bytes;
        if (p.tsNanos > f.lastOut) f.lastOut = p.tsNanos;
        if (p.tcpFlags >= 0) {
            if (p.payloadLen > 0) f.tcpDataOut = true;
            if ((p.tcpFlags & (Packet.FIN | Packet.RST)) != 0) f.tcpClosed = true;
        }
    }

    /** Resets a flow's per-second counters at its first packet of the open second. */
    private void startSecond(Flow f, Endpoint e) {
        if (f.binSecond == currentSecond) return;
        f.binSecond = currentSecond;
        f.binIn = f.binOut = 0;
        f.binBytesIn = 0;
        f.binSourceCounted = false;
        e.touched.add(f);
        if (!e.active) {
            e.active = true;
            active.add(e);
        }
    }

    private Endpoint newCandidate(Packet p) {
        if (!config.discovers() || !Proto.hasPorts(p.proto)) return null;
        if (endpoints.size() >= config.discovery().maxCandidates()) {
            stats.untracked++;
            return null;
        }
        var key = new ServiceKey(p.dst(), p.proto, p.dstPort);
        Endpoint e = new Endpoint(endpoints.nextId(), key, null, null, false, config.windows());
        e.discoSources = new AddressSet(config.discovery().minSources());
        e.discoWindowStart = p.tsNanos;
        endpoints.add(e);
        return e;
    }

    private void discover(Endpoint e, Packet p) {
        // A spray is no client, and under attack the target's new ports are the attack's, not services.
        if (!DiscoveryEvidence.isClient(p, e.acceptsTcp) || detector.hostUnderAttack(p.dstHi, p.dstLo)) return;
        DiscoveryConfig d = config.discovery();
        if (p.tsNanos - e.discoWindowStart >= d.window().toNanos()) {
            e.discoSources.clear();
            e.discoWindowStart = p.tsNanos;
        }
        e.discoSources.add(p.srcHi, p.srcLo);
        int sources = e.discoSources.size();
        if (sources < d.minSources() || stats.discovered >= d.maxServices()) return;
        promote(e, e.key.id());
        stats.discovered++;
        events.onEvent(new Event.ServiceDiscovered(p.tsNanos, e.serviceId, e.key, sources));
    }

    private void promote(Endpoint e, String serviceId) {
        e.promote(serviceId);
        e.scope = detector.serviceScope(serviceId, e.key.address(), e.key.proto(), e.key.port(), e.binSources::count);
    }

    /** Whether an address is a current player of the scope's service(s); attack source lists leave players out. */
    private boolean isPlayer(Scope scope, long hi, long lo) {
        for (Endpoint e : endpoints.all()) {
            if (!e.promoted || !scope.covers(e.scope, e.key.address())) continue;
            Flow f = flows.get(e.id, hi, lo);
            if (f != null && f.isPlayer()) return true;
        }
        return false;
    }

    @Override
    public void addOwnEndpoint(OwnEndpoint endpoint) {
        own.add(endpoint);
    }

    @Override
    public void removeOwnEndpoint(OwnEndpoint endpoint) {
        own.remove(endpoint);
    }

    /** Packets of netwarden's own conversations dropped before counting ({@link #addOwnEndpoint}); any thread. */
    @Override
    public long ownPackets() {
        return own.dropped();
    }

    @Override
    public CompletableFuture<Void> addService(ServiceSpec spec) {
        java.util.Objects.requireNonNull(spec, "spec");
        return changes.offer(done -> new ServiceChanges.Add(spec, done));
    }

    @Override
    public CompletableFuture<Void> renameService(String id, String newName) {
        return changes.offer(done -> new ServiceChanges.Rename(id, newName, done));
    }

    @Override
    public CompletableFuture<Void> removeService(String id) {
        return changes.offer(done -> new ServiceChanges.Remove(id, done));
    }

    private void closeUpTo(long second) {
        closer.close(currentSecond, second, active, endpoints.all());
        active.clear();
        currentSecond = second;
        changes.drain(second * Times.NANOS_PER_SECOND);
        if (lastSweep == NO_SECOND) lastSweep = second;
        if (second - lastSweep >= SWEEP_EVERY_SECONDS) {
            sweepCandidates(second * Times.NANOS_PER_SECOND);
            lastSweep = second;
        }
        if (publishEachSecond) published = snapshot();
    }

    /** Forgets candidates idle for a whole discovery window, so a port scan cannot grow memory. */
    private void sweepCandidates(long nowNanos) {
        long idle = config.discovery().window().toNanos();
        endpoints.removeIf(e -> !e.promoted && !e.active && nowNanos - e.lastSeen >= idle);
    }
}
