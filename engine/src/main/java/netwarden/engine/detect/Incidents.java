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
 * period. Ended incidents are kept, the newest {@code recentIncidents}, for snapshots. For
 * {@link #PLAYER_GRACE} after its end an incident's listed sources are checked once a second: a
 * source that has become a player of the target (players cannot join while it is under attack, so
 * one who connected during the flood joins just after) leaves the list, and a follow-up update
 * says so — a script banning the listed sources must never ban a player.
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
    /** Ended incidents still watched for sources that become players. */
    private final ArrayDeque<IncidentState> watched = new ArrayDeque<>();
    private final InputSpan span;
    private final RecentPackets recent;
    /** How long after its end an incident's sources are still checked against the players. */
    static final long PLAYER_GRACE = 120_000_000_000L;

    Incidents(DetectionConfig cfg, EventListener events, PlayerFilter players, List<Scope> allScopes, InputSpan span, RecentPackets recent) {
        this.cfg = cfg;
        this.span = span;
        this.recent = recent;
        this.events = events;
        this.players = players;
        this.allScopes = allScopes;
    }

    /** A trigger fired on {@code s}: opens an incident (or resumes the last one) unless one is open or suppressed. */
    void fire(Scope s, Trigger t, double value, long now, long onsetSlot) {
        if (s.incident != null) return;
        if (suppressed(s)) return;
        var verdict = Classifier.classify(s, t.metric, value, t.threshold, span);
        IncidentState prev = s.ended;
        if (prev != null && prev.kind == verdict.kind() && now - prev.endNanos <= cfg.cooldown().toNanos()) {
            ended.removeIf(i -> i.id().equals(prev.id));
            watched.remove(prev);
            prev.endNanos = 0;
            s.incident = prev;
            s.ended = null;
            s.lastHot = now;
            update(s, now, "resumed within the cooldown");
            return;
        }
        var inc = new IncidentState(s, Math.max(onsetSlot, s.slots.openSlot() - Slots.COUNT + 1), verdict, t.metric, value, t.threshold);
        OnsetSample.seed(inc, s, cfg.samplePackets());
        recent.seed(inc, s);
        inc.rate(span, s.slots.openSlot());
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
        inc.rate(span, closing);
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
        watched.addLast(inc);
        events.onEvent(new Event.AttackEnded(now, serviceOf(s), snap));
    }

    /**
     * Once a second: ended incidents whose listed sources include one that has since become a
     * player are corrected — the archived snapshot is replaced and an update says who left the list.
     */
    void recheckPlayers(long now) {
        watched.removeIf(inc -> inc.scope.incident == inc || now - inc.endNanos > PLAYER_GRACE);
        for (IncidentState inc : watched) {
            var before = new java.util.HashSet<>(inc.players);
            Incident snap = inc.snapshot(players, cfg.topSources());
            if (inc.players.size() == before.size()) continue;
            var names = new ArrayList<String>();
            for (var ip : inc.players) if (!before.contains(ip)) names.add(ip.toString());
            java.util.Collections.sort(names);
            snap = snap.withReason(snap.reason() + "; corrected: " + String.join(", ", names)
                    + (names.size() == 1 ? " became a player and is" : " became players and are") + " no longer listed as attack sources");
            Incident corrected = snap;
            var kept = new ArrayList<>(ended);
            kept.replaceAll(i -> i.id().equals(corrected.id()) ? corrected : i);
            ended.clear();
            ended.addAll(kept);
            events.onEvent(new Event.AttackUpdated(now, serviceOf(inc.scope), corrected));
        }
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
        if (s.kind == ScopeKind.SPRAY) return s.destinations() < Scope.SPRAY_MIN_DESTINATIONS;
        for (Scope o : allScopes) {
            if (o.incident == null || o == s) continue;
            if (s.kind == ScopeKind.NETWORK) return true;
            if (o.kind == ScopeKind.SPRAY) continue;
            if (o.kind == ScopeKind.SERVICE && o.address.equals(s.address)) return true;
        }
        return false;
    }

    private void update(Scope s, long now, String note) {
        IncidentState inc = s.incident;
        inc.lastEventNanos = now;
        Incident snap = inc.snapshot(players, cfg.topSources());
        if (note != null) snap = snap.withReason(snap.reason() + "; " + note);
        events.onEvent(new Event.AttackUpdated(now, serviceOf(s), snap));
    }

    private static String serviceOf(Scope s) {
        return s.serviceId != null ? s.serviceId : s.target;
    }
}
