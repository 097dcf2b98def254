package netwarden.engine.detect;

import netwarden.model.ScopeKind;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import netwarden.engine.flow.KeyedTable;
import netwarden.engine.sketch.DistinctCounter;
import netwarden.model.DetectionCounters;
import netwarden.model.EventListener;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Ticker;

/**
 * Watches services, destination hosts and the whole network for attacks; the engine's one door
 * to detection.
 *
 * <p>Design notes: packets add to the open 100 ms slot of each scope they reach (four at most:
 * network, destination host, service, and for UDP answers from an amplification port the spray
 * scope of that source port, which spans destinations; a TCP reflection comes from many server
 * ports and is the network's or a host's). The work is split by job: {@link SlotClock} moves time
 * and walks the live scopes, {@link Triggers} evaluates each one per slot and per second,
 * {@link Incidents} opens, follows and ends incidents and sends their events, and
 * {@link OnsetSample} keeps the frames an incident's sample starts with. A scope goes idle after
 * two quiet seconds without an incident and costs nothing until its next packet; the baseline
 * then catches up on the silent seconds in one step. All on the pipeline thread.
 */
public final class Detector {
    /** Length of the slot detection is evaluated on. */
    public static final long SLOT_NANOS = Slots.SLOT_NANOS;
    private final DetectionConfig cfg;
    private final Map<String, BaselineState> restored;
    private final long coldStartSeconds;
    private final Scope network;
    private final KeyedTable<Scope> hosts = new KeyedTable<>(256);
    private final KeyedTable<Scope> sprays = new KeyedTable<>(64);
    private final InputSpan span = new InputSpan();
    private final RecentPackets recent = new RecentPackets();
    private long lastRecheckSecond = Long.MIN_VALUE;
    private final List<Scope> allScopes = new ArrayList<>();
    private final Incidents incidents;
    private final Triggers triggers;
    private final SlotClock clock;
    private long hostsUntracked;
    private boolean lastClosed;

    /** @param ticker monotonic time, for the cost of evaluation only */
    public Detector(DetectionConfig cfg, EventListener events, Map<String, BaselineState> restored,
                    PlayerFilter players, Ticker ticker) {
        this.cfg = cfg;
        this.restored = new HashMap<>(restored);
        this.coldStartSeconds = cfg.coldStart().toSeconds();
        this.incidents = new Incidents(cfg, events, players, allScopes, span, recent);
        this.triggers = new Triggers(cfg, coldStartSeconds, incidents, span);
        this.clock = new SlotClock(ticker, new SlotClock.Job() {
            @Override
            public void slotClosed(Scope s, long closing, boolean secondEnds) {
                if (secondEnds) triggers.perSecond(s, Math.floorDiv(closing, Slots.COUNT));
                triggers.perSlot(s, closing);
            }

            @Override
            public void silence(Scope s, long seconds) {
                triggers.silence(s, seconds);
            }

            @Override
            public void jumped(Scope s, long nowNanos) {
                Triggers.clearFast(s);
                incidents.jumped(s, nowNanos);
            }
        });
        this.network = cfg.network().enabled() ? newScope(ScopeKind.NETWORK, "network", null, null, null, cfg.network()) : null;
    }

    /** A scope for one service; the engine keeps it with the service and passes it with each packet. */
    public Scope serviceScope(String serviceId, Ip address, int proto, int port, LongSupplier secondSources) {
        if (!cfg.enabled() || !cfg.service().enabled()) return null;
        Scope s = newScope(ScopeKind.SERVICE, serviceId, serviceId, address, secondSources, cfg.service());
        s.serviceProto = proto;
        s.servicePort = port;
        return s;
    }

    /** A service was renamed at runtime: its scope (and the incident it may have open) goes by the new id. */
    public void renameServiceScope(Scope service, String serviceId) {
        if (service == null) return;
        service.target = serviceId;
        service.serviceId = serviceId;
    }

    /**
     * A service was removed at runtime: an incident it has open ends now (its end event is sent),
     * and the scope is forgotten. Its learned baselines are not kept.
     */
    public void removeServiceScope(Scope service, long nowNanos) {
        if (service == null) return;
        if (service.incident != null) incidents.end(service, nowNanos);
        allScopes.remove(service);
        clock.forget(service);
    }

    /** Closes every 100 ms slot that ended at or before {@code nanos}. */
    public void advanceTo(long nanos) {
        clock.advanceTo(nanos);
        long second = Math.floorDiv(nanos, 1_000_000_000L);
        if (second != lastRecheckSecond) {
            lastRecheckSecond = second;
            incidents.recheckPlayers(nanos);
        }
    }

    /** The input is over (a replayed file): rates from here on are measured up to its last packet only. */
    public void inputEnded() {
        span.end();
    }

    /**
     * Adds a packet (or an aggregate of {@code count} like it) to its scopes. Its frame, when known, is
     * {@code p.capLen} bytes at {@code frameOffset} of {@code data}; {@code data} may be null.
     * {@code player}: the source is a current player of the service.
     */
    public void onPacket(Packet p, long count, long bytes, MemorySegment data, long frameOffset, Scope service, boolean player) {
        if (!cfg.enabled() || !clock.started()) return;
        span.saw(p.tsNanos);
        int f = Features.of(p);
        recent.add(p, f, count, clock.slot());
        if (network != null) {
            add(network, p, f, count, bytes, data, frameOffset, player);
            network.ownSources.add(p.srcHi, p.srcLo);
        }
        if (cfg.host().enabled()) {
            Scope h = host(p.dstHi, p.dstLo);
            if (h != null) {
                add(h, p, f, count, bytes, data, frameOffset, player);
                h.ownSources.add(p.srcHi, p.srcLo);
                if (service != null) service.host = h;
            }
        }
        if ((f & Features.REFLECTION) != 0 && cfg.spray().enabled()) {
            Scope sp = spray(p.proto, p.srcPort);
            if (sp != null) {
                add(sp, p, f, count, bytes, data, frameOffset, player);
                sp.ownSources.add(p.srcHi, p.srcLo);
                sp.destinations.add(p.dstHi, p.dstLo);
            }
        }
        if (service != null) add(service, p, f, count, bytes, data, frameOffset, player);
    }

    /** A source talked to the service for the first time. */
    public void newSource(Scope service) {
        if (service != null && clock.started()) {
            clock.touch(service);
            service.slots.addNewSource();
        }
    }

    /** True while the service or its host is under attack: no new players may join then. */
    public boolean frozen(Scope service) {
        return service != null && (service.incident != null || (service.host != null && service.host.incident != null));
    }

    /** True while the destination host has an incident open (its new ports are not discovered then). */
    public boolean hostUnderAttack(long hi, long lo) {
        int k = ScopeKind.HOST.ordinal();
        Scope h = hosts.get(hi, lo, k, KeyedTable.hash(hi, lo, k));
        return h != null && h.incident != null;
    }

    /** Active incidents and recently ended ones, oldest first. */
    public List<Incident> incidents() {
        return incidents.list();
    }

    /** Totals for metrics; {@code frozenSourcePackets} is counted by the engine and passed in. */
    public DetectionCounters counters(long frozenSourcePackets) {
        return new DetectionCounters(incidents.startedByKind(), clock.evaluations(), clock.evaluationNanos(), hosts.size(),
                hostsUntracked, frozenSourcePackets);
    }

    /** Learned baselines of every scope seen, plus restored ones not seen this run, for persisting. */
    public Map<String, BaselineState> baselines() {
        var out = new TreeMap<>(restored);
        for (Scope s : allScopes)
            for (Trigger t : s.triggers) if (t != null && t.baseline.samples > 0) out.put(s.baselineKey(t.metric), t.baseline.state());
        return out;
    }

    /** End of input (a replay): every open incident ends where its traffic did. */
    public void drain() {
        if (!clock.started()) return;
        span.end();
        if (!lastClosed) {
            lastClosed = true;
            // A second more of evaluation after the last packet: a capture shorter than the fast
            // triggers' K of N slots (a 0.15 s burst, one instant) is still judged, at its own rate.
            if (span.last() != Long.MIN_VALUE) clock.closeThrough(Math.floorDiv(span.last(), Slots.SLOT_NANOS) + Slots.COUNT);
            else clock.closeLast();
        }
        for (Scope s : allScopes) if (s.incident != null) incidents.end(s, Math.max(s.lastHot, clock.slot() * Slots.SLOT_NANOS));
    }

    /** Closes the open slot, once (end of input; {@link #drain} does it when not done yet). */
    public void closeLast() {
        if (lastClosed) return;
        lastClosed = true;
        clock.closeLast();
    }

    /** Whether a service or host scope has an incident open. */
    public boolean incidentOpen() {
        for (Scope s : allScopes) if (s.incident != null && s.kind != ScopeKind.NETWORK) return true;
        return false;
    }

    /**
     * For a detector that watches only the network while shards hold the services and hosts
     * ({@code ShardedEngine}): asked before a network incident opens, as this detector's own
     * service and host scopes are.
     */
    public void incidentsElsewhere(java.util.function.BooleanSupplier elsewhere) {
        incidents.elsewhere = elsewhere;
    }

    private Scope newScope(ScopeKind kind, String target, String serviceId, Ip address, LongSupplier sources, ScopeRules rules) {
        DistinctCounter own = sources == null ? new DistinctCounter(4096) : null;
        return watch(new Scope(kind, target, serviceId, address, sources, own), rules);
    }

    /** Arms the scope's triggers from its rules (and restored baselines) and adds it to the scopes walked. */
    private Scope watch(Scope s, ScopeRules rules) {
        rules.floors().forEach((m, floor) -> {
            BaselineState b = restored.get(s.baselineKey(m));
            s.triggers[m.ordinal()] = new Trigger(m, floor, b == null ? new Baseline() : new Baseline(b));
        });
        for (Trigger t : s.triggers) if (t != null) t.threshold(cfg, coldStartSeconds);
        allScopes.add(s);
        return s;
    }

    private Scope host(long hi, long lo) {
        return tracked(hosts, ScopeKind.HOST, hi, lo, () -> {
            Ip ip = new Ip(hi, lo);
            return newScope(ScopeKind.HOST, ip.toString(), null, ip, null, cfg.host());
        });
    }

    /** The spray scope of one protocol and source port. */
    private Scope spray(int proto, int port) {
        return tracked(sprays, ScopeKind.SPRAY, proto, port, () -> {
            String target = netwarden.model.Proto.name(proto) + " source port " + port;
            Scope s = watch(new Scope(ScopeKind.SPRAY, target, null, null, null, new DistinctCounter(4096), proto, port), cfg.spray());
            s.sprayProto = proto;
            s.sprayPort = port;
            return s;
        });
    }

    /** The scope of {@code table} under (hi, lo), made when new; null (counted) once {@code maxHosts} are tracked. */
    private Scope tracked(KeyedTable<Scope> table, ScopeKind kind, long hi, long lo, java.util.function.Supplier<Scope> make) {
        int k = kind.ordinal();
        Scope s = table.get(hi, lo, k, KeyedTable.hash(hi, lo, k));
        if (s != null) return s;
        if (table.size() >= cfg.maxHosts()) {
            hostsUntracked++;
            return null;
        }
        s = make.get();
        table.insert(s);
        return s;
    }

    private void add(Scope s, Packet p, int features, long count, long bytes, MemorySegment data, long frameOffset, boolean player) {
        clock.touch(s);
        // An open incident samples the frames itself; before one, the scope keeps its onset's frames.
        if (data != null && s.incident == null && cfg.samplePackets() > 0) OnsetSample.keep(s, p, data, frameOffset, clock.slot());
        s.slots.add(features, count, bytes, player);
        s.ttl(p.ttl);
        if ((features & Features.REFLECTION) != 0) s.reflection[AmplificationPorts.index(p.srcPort)] += count;
        if (s.incident != null) s.incident.feed(p, features, count, bytes, clock.slot(), data, frameOffset, cfg.samplePackets());
    }
}
