package netwarden.engine.detect;

import netwarden.model.ScopeKind;
import netwarden.model.AttackKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Incident;

/**
 * Opens, follows and ends incidents, and sends their events.
 *
 * <p>Design notes: an incident opens when a trigger fires on a scope without one, unless a more
 * specific scope already reports it (a host is not reported while one of its services is, the
 * network not while any host or service is), and resumes instead when the same kind ended on the
 * scope within the cooldown. While open it is observed every slot, updated at most every
 * {@code updateEvery} or when it escalates, and ended once the scope has been quiet for the quiet
 * period. Ended incidents are kept, the newest {@code recentIncidents}, for snapshots.
 */
final class Incidents {
    private final DetectionConfig cfg;
    private final EventListener events;
    private final PlayerFilter players;
    private final List<Scope> allScopes;
    private final ArrayDeque<Incident> ended = new ArrayDeque<>();
    private final Map<AttackKind, Long> startedByKind = new EnumMap<>(AttackKind.class);
    /** Incidents open in scopes another detector holds (a sharded engine's shards); none by default. */
    java.util.function.BooleanSupplier elsewhere = () -> false;

    Incidents(DetectionConfig cfg, EventListener events, PlayerFilter players, List<Scope> allScopes) {
        this.cfg = cfg;
        this.events = events;
        this.players = players;
        this.allScopes = allScopes;
    }

    /** A trigger fired on {@code s}: opens an incident (or resumes the last one) unless one is open or suppressed. */
    void fire(Scope s, Trigger t, double value, long now, long onsetSlot) {
        if (s.incident != null) return;
        if (suppressed(s)) return;
        var verdict = Classifier.classify(s, t.metric, value, t.threshold);
        IncidentState prev = s.ended;
        if (prev != null && prev.kind == verdict.kind() && now - prev.endNanos <= cfg.cooldown().toNanos()) {
            ended.removeIf(i -> i.id().equals(prev.id));
            prev.endNanos = 0;
            s.incident = prev;
            s.ended = null;
            s.lastHot = now;
            update(s, now, "resumed within the cooldown");
            return;
        }
        var inc = new IncidentState(s, Math.max(onsetSlot, s.slots.openSlot() - Slots.COUNT + 1), verdict, t.metric, value, t.threshold);
        OnsetSample.seed(inc, s, cfg.samplePackets());
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

    /** One more closed slot of an open incident: totals, escalation, periodic update, the end when quiet. */
    void follow(Scope s, long closing, long slotEnd, boolean fired, double ratio) {
        IncidentState inc = s.incident;
        inc.observe(s.slots, closing);
        if (s.lastHot == slotEnd) inc.hot();
        if (fired && inc.raise(ratio)) update(s, slotEnd, "escalated to " + inc.severity.label());
        else if (slotEnd - inc.lastEventNanos >= cfg.updateEvery().toNanos()) update(s, slotEnd, null);
        if (slotEnd - s.lastHot >= cfg.quietPeriod().toNanos()) end(s, slotEnd);
    }

    /** After the clock jumped over a long silence: ends the scope's incident if it has been quiet long enough. */
    void jumped(Scope s, long now) {
        if (s.incident != null && now - s.lastHot >= cfg.quietPeriod().toNanos()) end(s, now);
    }

    void end(Scope s, long now) {
        IncidentState inc = s.incident;
        inc.endNanos = Math.max(s.lastHot, inc.startNanos + Slots.SLOT_NANOS);
        Incident snap = inc.snapshot(players, cfg.topSources());
        s.incident = null;
        s.ended = inc;
        ended.addLast(snap);
        while (ended.size() > cfg.recentIncidents()) ended.removeFirst();
        events.onEvent(new Event.AttackEnded(now, serviceOf(s), snap));
    }

    /** Active incidents and recently ended ones, oldest first. */
    List<Incident> list() {
        var out = new ArrayList<>(ended);
        for (Scope s : allScopes) if (s.incident != null) out.add(s.incident.snapshot(players, cfg.topSources()));
        out.sort(Comparator.comparingLong(Incident::startNanos).thenComparing(Incident::id));
        return out;
    }

    /** Incidents opened so far, by the kind's wire label. */
    Map<String, Long> startedByKind() {
        var out = new TreeMap<String, Long>();
        startedByKind.forEach((k, n) -> out.put(k.label(), n));
        return out;
    }

    private boolean suppressed(Scope s) {
        if (s.kind == ScopeKind.SERVICE) return false;
        if (s.kind == ScopeKind.NETWORK && elsewhere.getAsBoolean()) return true;
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

    private static String serviceOf(Scope s) {
        return s.serviceId != null ? s.serviceId : s.target;
    }

    private static Incident withReason(Incident i, String reason) {
        return new Incident(i.id(), i.scope(), i.target(), i.service(), i.kind(), reason, i.severity(), i.startNanos(), i.endNanos(),
                i.currentPps(), i.currentBps(), i.peakPps(), i.peakBps(), i.packets(), i.bytes(), i.sources(), i.multiSource(),
                i.spoofingSuspected(), i.topSources(), i.topSourcePorts(), i.sample());
    }
}
