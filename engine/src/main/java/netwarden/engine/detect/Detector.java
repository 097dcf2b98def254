package netwarden.engine.detect;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import netwarden.engine.flow.KeyedTable;
import netwarden.engine.sketch.DistinctCounter;
import netwarden.model.CapturedFrame;
import netwarden.model.DetectionCounters;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Ticker;

/**
 * Watches services, destination hosts and the whole network for attacks.
 *
 * <p>Design notes: packets add to the open 100 ms slot of each scope they reach (three at most:
 * network, destination host, service). When packet time (or the clock) moves past a slot, every
 * live scope is evaluated once for it: sliding one-second sums against thresholds, the fast
 * K-of-N and instant triggers, incident updates and ends. Once per second the slow trigger,
 * the distinct-source trigger and the baselines run. A scope goes idle after two quiet seconds
 * without an incident and costs nothing until its next packet; the baseline then catches up on
 * the silent seconds in one step. Service incidents take precedence: a host is not reported while
 * one of its services is, and the network not while any host or service is. All on the pipeline thread.
 */
public final class Detector {
    private static final int IDLE_SLOTS = 20;

    private final DetectionConfig cfg;
    private final EventListener events;
    private final Ticker ticker;
    private final Map<String, BaselineState> restored;
    private final PlayerFilter players;
    private final long coldStartSeconds;
    private final double baselineAlpha;
    private final Scope network;
    private final KeyedTable<Scope> hosts = new KeyedTable<>(256);
    private final List<Scope> allScopes = new ArrayList<>();
    private final List<List<Scope>> live = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final ArrayDeque<Incident> ended = new ArrayDeque<>();
    private final Map<String, Long> startedByKind = new TreeMap<>();
    private long slot = Long.MIN_VALUE;
    private long evaluations, evaluationNanos, hostsUntracked;

    public Detector(DetectionConfig cfg, EventListener events, Map<String, BaselineState> restored,
                    PlayerFilter players, Ticker ticker) {
        this.cfg = cfg;
        this.events = events;
        this.restored = new HashMap<>(restored);
        this.players = players;
        this.ticker = ticker;
        this.coldStartSeconds = cfg.coldStart().toSeconds();
        this.baselineAlpha = 1 - Math.pow(0.5, 1.0 / cfg.baselineHalfLife().toSeconds());
        this.network = cfg.network().enabled() ? newScope(ScopeKind.NETWORK, "network", null, null, null, cfg.network()) : null;
    }

    /** A scope for one service; the engine keeps it with the service and passes it with each packet. */
    public Scope serviceScope(String serviceId, Ip address, LongSupplier secondSources) {
        if (!cfg.enabled() || !cfg.service().enabled()) return null;
        return newScope(ScopeKind.SERVICE, serviceId, serviceId, address, secondSources, cfg.service());
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
        if (service.incident != null) end(service, nowNanos);
        allScopes.remove(service);
        live.get(service.kind.ordinal()).remove(service);
        service.live = false;
    }

    /** Closes every 100 ms slot that ended at or before {@code nanos}. */
    public void advanceTo(long nanos) {
        long target = Math.floorDiv(nanos, Slots.SLOT_NANOS);
        if (slot == Long.MIN_VALUE) {
            slot = target;
            return;
        }
        while (slot < target) {
            if (target - slot > IDLE_SLOTS + Slots.COUNT) {
                for (int i = 0; i <= Slots.COUNT; i++) closeSlot();
                jump(target);
            } else {
                closeSlot();
            }
        }
    }

    /**
     * Adds a packet (or an aggregate of {@code count} like it) to its scopes. Its frame, when known, is
     * {@code p.capLen} bytes at {@code frameOffset} of {@code data}; {@code data} may be null.
     */
    public void onPacket(Packet p, long count, long bytes, MemorySegment data, long frameOffset, Scope service) {
        if (!cfg.enabled() || slot == Long.MIN_VALUE) return;
        int f = Features.of(p);
        if (network != null) {
            add(network, p, f, count, bytes, data, frameOffset);
            network.ownSources.add(p.srcHi, p.srcLo);
        }
        if (cfg.host().enabled()) {
            Scope h = host(p.dstHi, p.dstLo);
            if (h != null) {
                add(h, p, f, count, bytes, data, frameOffset);
                h.ownSources.add(p.srcHi, p.srcLo);
                if (service != null) service.host = h;
            }
        }
        if (service != null) add(service, p, f, count, bytes, data, frameOffset);
    }

    /** A source talked to the service for the first time. */
    public void newSource(Scope service) {
        if (service != null && slot != Long.MIN_VALUE) {
            touch(service);
            service.slots.addNewSource();
        }
    }

    /** True while the service or its host is under attack: no new players may join then. */
    public boolean frozen(Scope service) {
        return service != null && (service.incident != null || (service.host != null && service.host.incident != null));
    }

    /** Active incidents and recently ended ones, oldest first. */
    public List<Incident> incidents() {
        var out = new ArrayList<>(ended);
        for (Scope s : allScopes) if (s.incident != null) out.add(s.incident.snapshot(players, cfg.topSources()));
        out.sort(java.util.Comparator.comparingLong(Incident::startNanos).thenComparing(Incident::id));
        return out;
    }

    /** Totals for metrics; {@code frozenSourcePackets} is counted by the engine and passed in. */
    public DetectionCounters counters(long frozenSourcePackets) {
        return new DetectionCounters(startedByKind, evaluations, evaluationNanos, hosts.size(), hostsUntracked, frozenSourcePackets);
    }

    /** Learned baselines of every scope seen, plus restored ones not seen this run, for persisting. */
    public Map<String, BaselineState> baselines() {
        var out = new TreeMap<>(restored);
        for (Scope s : allScopes)
            for (Trigger t : s.triggers) if (t != null && t.baseline.samples > 0) out.put(s.baselineKey(t.metric), t.baseline.state());
        return out;
    }

    private Scope newScope(ScopeKind kind, String target, String serviceId, Ip address, LongSupplier sources, ScopeRules rules) {
        DistinctCounter own = sources == null ? new DistinctCounter(4096) : null;
        Scope s = new Scope(kind, target, serviceId, address, sources, own);
        rules.floors().forEach((m, floor) -> {
            BaselineState b = restored.get(s.baselineKey(m));
            s.triggers[m.ordinal()] = new Trigger(m, floor, b == null ? new Baseline() : new Baseline(b));
        });
        for (Trigger t : s.triggers) if (t != null) t.threshold(cfg, coldStartSeconds);
        allScopes.add(s);
        return s;
    }

    private Scope host(long hi, long lo) {
        int k = ScopeKind.HOST.ordinal();
        int hash = KeyedTable.hash(hi, lo, k);
        Scope h = hosts.get(hi, lo, k, hash);
        if (h != null) return h;
        if (hosts.size() >= cfg.maxHosts()) {
            hostsUntracked++;
            return null;
        }
        Ip ip = new Ip(hi, lo);
        h = newScope(ScopeKind.HOST, ip.toString(), null, ip, null, cfg.host());
        hosts.insert(h);
        return h;
    }

    private void add(Scope s, Packet p, int features, long count, long bytes, MemorySegment data, long frameOffset) {
        touch(s);
        // An open incident samples the frames itself; before one, the scope keeps its onset's frames.
        if (data != null && s.incident == null && cfg.samplePackets() > 0) keepEarlyFrame(s, p, data, frameOffset);
        s.slots.add(features, count, bytes);
        s.ttl(p.ttl);
        if ((features & Features.REFLECTION) != 0) s.reflection[AmplificationPorts.index(p.srcPort)] += count;
        if (s.incident != null) s.incident.feed(p, count, data, frameOffset, cfg.samplePackets());
    }

    /** Copies the first few frames of each slot; cheap (a few copies per 100 ms), and only what a short attack leaves. */
    private void keepEarlyFrame(Scope s, Packet p, MemorySegment data, long frameOffset) {
        if (s.preSlot != slot) {
            s.preSlot = slot;
            s.preCount = 0;
        }
        if (s.preCount >= Scope.PRE_FRAMES) return;
        int i = (int) Math.floorMod(slot, (long) Slots.COUNT) * Scope.PRE_FRAMES + s.preCount++;
        s.preFrames[i] = CapturedFrame.copy(p, p.linkType, data, frameOffset);
        s.preFrameSlot[i] = slot;
    }

    private void touch(Scope s) {
        s.slots.roll(slot);
        s.lastPacketSlot = slot;
        if (!s.live) {
            s.live = true;
            long second = Math.floorDiv(slot, Slots.COUNT);
            if (s.lastSecond != Long.MIN_VALUE) silence(s, second - s.lastSecond - 1);
            s.lastSecond = second - 1;
            live.get(s.kind.ordinal()).add(s);
        }
    }

    private void closeSlot() {
        long closing = slot;
        long t0 = ticker.nanos();
        boolean secondEnds = Math.floorMod(closing + 1, (long) Slots.COUNT) == 0;
        for (List<Scope> scopes : live) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Scope s = scopes.get(i);
                s.slots.roll(closing);
                if (secondEnds) perSecond(s, Math.floorDiv(closing, Slots.COUNT));
                evaluate(s, closing);
                evaluations++;
                if (s.incident == null && closing - s.lastPacketSlot >= IDLE_SLOTS) {
                    s.live = false;
                    scopes.remove(i);
                }
            }
        }
        evaluationNanos += ticker.nanos() - t0;
        slot = closing + 1;
    }

    /** After a long silence: evaluate nothing slot by slot, end what is due, and resume at {@code target}. */
    private void jump(long target) {
        long now = target * Slots.SLOT_NANOS;
        long second = Math.floorDiv(target, Slots.COUNT);
        for (List<Scope> scopes : live) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Scope s = scopes.get(i);
                for (Trigger t : s.triggers) if (t != null) t.fastBits = 0;
                silence(s, second - s.lastSecond - 1);
                s.lastSecond = second - 1;
                if (s.incident != null && now - s.lastHot >= cfg.quietPeriod().toNanos()) end(s, now);
                if (s.incident == null) {
                    s.live = false;
                    scopes.remove(i);
                }
            }
        }
        slot = target;
    }

    /** End of input (a replay): every open incident ends where its traffic did. */
    public void drain() {
        if (slot == Long.MIN_VALUE) return;
        closeSlot();
        for (Scope s : allScopes) if (s.incident != null) end(s, Math.max(s.lastHot, slot * Slots.SLOT_NANOS));
    }

    /** Catches a scope up on seconds without traffic: smoothed values and (unless under attack) baselines decay. */
    private void silence(Scope s, long seconds) {
        if (seconds <= 0) return;
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            t.quiet(seconds, cfg);
            if (s.incident == null) t.baseline.decay(seconds, baselineAlpha);
        }
    }

    private void perSecond(Scope s, long second) {
        long sources = s.secondSources.getAsLong();
        s.lastSecondSources = sources;
        s.lastSecondNewSources = s.slots.sliding(Metric.NEW_SOURCES);
        s.ttlDistinct = 0;
        for (int i = 0; i < 4; i++) {
            s.ttlDistinct += Long.bitCount(s.ttls[i]);
            s.ttls[i] = 0;
        }
        for (int i = 0; i < s.reflection.length; i++) s.reflection[i] >>= 1;
        if (s.ownSources != null) s.ownSources.clear();
        Trigger best = null;
        double bestValue = 0, bestRatio = 0;
        for (Trigger t : s.triggers) {
            if (t == null) continue;
            double v = t.metric == Metric.SOURCES ? sources : s.slots.sliding(t.metric);
            boolean fired = t.slow(v, cfg);
            if (t.metric == Metric.SOURCES) {
                s.sourcesBits = (s.sourcesBits << 1) | (v > t.threshold ? 1 : 0);
                fired |= Long.bitCount(s.sourcesBits & 7) >= 2 || v >= cfg.instantFactor() * t.threshold;
                if (v > t.threshold * cfg.hysteresis()) s.lastHot = (second + 1) * 1_000_000_000L;
            }
            if (fired && v / t.threshold > bestRatio) {
                best = t;
                bestValue = v;
                bestRatio = v / t.threshold;
            }
            if (s.incident == null || t.baseline.samples < coldStartSeconds) t.baseline.update(v, baselineAlpha);
            t.threshold(cfg, coldStartSeconds);
        }
        s.lastSecond = second;
        if (s.incident != null && s.lastHot > second * 1_000_000_000L && s.incident.trigger != null) {
            Trigger t = s.triggers[s.incident.trigger.ordinal()];
            s.incident.refresh(Classifier.classify(s, t.metric, t.metric == Metric.SOURCES ? sources : s.slots.sliding(t.metric), t.threshold));
        }
        if (best != null) fire(s, best, bestValue, (second + 1) * 1_000_000_000L, s.slots.openSlot() - Slots.COUNT + 1);
        if (s.incident != null) s.incident.maxSources = Math.max(s.incident.maxSources, sources);
    }

    private void evaluate(Scope s, long closing) {
        long slotEnd = (closing + 1) * Slots.SLOT_NANOS;
        Trigger best = null;
        double bestValue = 0, bestRatio = 0;
        for (Trigger t : s.triggers) {
            if (t == null || t.metric == Metric.SOURCES) continue;
            double v = s.slots.sliding(t.metric);
            double burst = s.slots.slot(t.metric, 0) * (double) Slots.COUNT;
            boolean fired = t.fast(v > t.threshold, cfg) || burst >= cfg.instantFactor() * t.threshold;
            if (burst > t.threshold * cfg.hysteresis()) s.lastHot = slotEnd; // the slot's own rate: ends are not smeared by the sliding second
            double value = Math.max(v, burst);
            if (fired && value / t.threshold > bestRatio) {
                best = t;
                bestValue = value;
                bestRatio = value / t.threshold;
            }
        }
        if (s.incident != null) {
            s.incident.observe(s.slots, closing);
            if (s.lastHot == slotEnd) s.incident.hot();
            if (best != null && s.incident.raise(bestRatio)) update(s, slotEnd, "escalated to " + s.incident.severity.label());
            else if (slotEnd - s.incident.lastEventNanos >= cfg.updateEvery().toNanos()) update(s, slotEnd, null);
            if (slotEnd - s.lastHot >= cfg.quietPeriod().toNanos()) end(s, slotEnd);
        } else if (best != null) {
            fire(s, best, bestValue, slotEnd, onset(s, closing, best));
        }
    }

    /** First slot of the current run above the trigger's per-slot share of its threshold (within the last second). */
    private static long onset(Scope s, long closing, Trigger t) {
        long first = closing;
        double perSlot = t.threshold / Slots.COUNT;
        for (int age = 0; age < Slots.COUNT; age++) {
            if (s.slots.slot(t.metric, age) > perSlot * 0.5) first = closing - age;
            else break;
        }
        return first;
    }

    private void fire(Scope s, Trigger t, double value, long now, long onsetSlot) {
        if (s.incident != null) return;
        if (suppressed(s)) return;
        var verdict = Classifier.classify(s, t.metric, value, t.threshold);
        IncidentState prev = s.ended;
        if (prev != null && prev.kind.equals(verdict.kind()) && now - prev.endNanos <= cfg.cooldown().toNanos()) {
            ended.removeIf(i -> i.id().equals(prev.id));
            prev.endNanos = 0;
            s.incident = prev;
            s.ended = null;
            s.lastHot = now;
            update(s, now, "resumed within the cooldown");
            return;
        }
        var inc = new IncidentState(s, Math.max(onsetSlot, s.slots.openSlot() - Slots.COUNT + 1), verdict, t.metric, value, t.threshold);
        inc.seedSample(s, cfg.samplePackets());
        inc.rate(s.slots, s.slots.openSlot());
        inc.peakPps = Math.max(inc.peakPps, inc.currentPps);
        inc.peakBps = Math.max(inc.peakBps, inc.currentBps);
        inc.maxSources = Math.max(s.lastSecondSources, s.secondSources.getAsLong());
        inc.lastEventNanos = now;
        inc.hot();
        s.incident = inc;
        s.lastHot = now;
        startedByKind.merge(inc.kind, 1L, Long::sum);
        events.onEvent(new Event.AttackStarted(now, serviceOf(s), inc.snapshot(players, cfg.topSources())));
    }

    private boolean suppressed(Scope s) {
        if (s.kind == ScopeKind.SERVICE) return false;
        for (Scope o : allScopes) {
            if (o.incident == null || o == s) continue;
            if (s.kind == ScopeKind.NETWORK) return true;
            if (o.kind == ScopeKind.SERVICE && o.address.equals(s.address)) return true;
        }
        return false;
    }

    private void update(Scope s, long now, String note) {
        IncidentState inc = s.incident;
        inc.lastEventNanos = now;
        Incident snap = inc.snapshot(players, cfg.topSources());
        if (note != null) snap = withReason(snap, snap.reason() + "; " + note);
        events.onEvent(new Event.AttackUpdated(now, serviceOf(s), snap));
    }

    private void end(Scope s, long now) {
        IncidentState inc = s.incident;
        inc.endNanos = Math.max(s.lastHot, inc.startNanos + Slots.SLOT_NANOS);
        Incident snap = inc.snapshot(players, cfg.topSources());
        s.incident = null;
        s.ended = inc;
        ended.addLast(snap);
        while (ended.size() > cfg.recentIncidents()) ended.removeFirst();
        events.onEvent(new Event.AttackEnded(now, serviceOf(s), snap));
    }

    private static String serviceOf(Scope s) {
        return s.serviceId != null ? s.serviceId : s.target;
    }

    private static Incident withReason(Incident i, String reason) {
        return new Incident(i.id(), i.scope(), i.target(), i.service(), i.kind(), reason, i.severity(), i.startNanos(), i.endNanos(),
                i.currentPps(), i.currentBps(), i.peakPps(), i.peakBps(), i.packets(), i.bytes(), i.sources(), i.multiSource(),
                i.spoofingSuspected(), i.topSources(), i.topSourcePorts(), i.sample());
    }
}
