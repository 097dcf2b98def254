package netwarden.engine.detect;

import netwarden.model.AttackKind;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.CapturedFrame;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.PortCount;
import netwarden.model.Severity;
import netwarden.model.SourceCount;

/** The mutable side of one incident while it is open; {@link #snapshot} makes the immutable record. */
final class IncidentState {
    final String id;
    final Scope scope;
    final long onsetSlot;
    final long startNanos;
    AttackKind kind;
    String reason;
    boolean multiSource, spoofing;
    Severity severity;
    Metric trigger;
    double threshold, peakRatio;
    long endNanos, lastEventNanos;
    long currentPps, currentBps, peakPps, peakBps, packets, bytes, maxSources;
    /** Totals as of the last slot still part of the attack; the quiet tail before the end is not the attack's. */
    long packetsWhenHot, bytesWhenHot;
    final SpaceSaving sources = new SpaceSaving(64);
    final SpaceSaving ports = new SpaceSaving(32);
    final List<CapturedFrame> sample = new ArrayList<>();
    private int stride = 1, fed;

    IncidentState(Scope scope, long onsetSlot, Classifier.Verdict v, Metric trigger, double value, double threshold) {
        this.scope = scope;
        this.onsetSlot = onsetSlot;
        this.startNanos = onsetSlot * Slots.SLOT_NANOS;
        this.id = scope.kind.label() + ":" + scope.target + ":" + Math.floorDiv(startNanos, 1_000_000_000L);
        this.trigger = trigger;
        this.threshold = threshold;
        apply(v);
        raise(value / threshold);
        // What arrived between the onset and detection belongs to the attack too.
        for (int age = (int) Math.min(Slots.COUNT - 1, scope.slots.openSlot() - onsetSlot); age >= 0; age--) {
            packets += scope.slots.slot(Metric.PPS, age);
            bytes += scope.slots.slot(Metric.BPS, age) / 8;
        }
    }

    void apply(Classifier.Verdict v) {
        kind = v.kind();
        reason = v.reason();
        multiSource = v.multiSource();
        spoofing = v.spoofingSuspected();
    }

    /**
     * Fresh evidence from a later second of the same attack: the kind stays what it was named at
     * the start, the numbers are renewed, and a suspicion once raised stays raised.
     */
    void refresh(Classifier.Verdict v) {
        if (v.kind() != kind) return;
        boolean wasSpoofing = spoofing;
        String oldReason = reason;
        apply(v);
        multiSource |= v.multiSource();
        if (wasSpoofing && !spoofing) {
            spoofing = true;
            int at = oldReason.indexOf("; spoofing suspected");
            reason = reason + (at >= 0 ? oldReason.substring(at) : "");
        }
    }

    /** Raises severity to match how far over the threshold the attack went; true when it escalated. */
    boolean raise(double ratio) {
        peakRatio = Math.max(peakRatio, ratio);
        Severity s = peakRatio >= 30 ? Severity.CRITICAL : peakRatio >= 10 ? Severity.HIGH : peakRatio >= 3 ? Severity.MEDIUM : Severity.LOW;
        boolean escalated = severity != null && s.compareTo(severity) > 0;
        if (severity == null || escalated) severity = s;
        return escalated;
    }

    /**
     * Per packet reaching the scope while open: heavy hitters and the raw sample. Above about 4096
     * packets a second only every n-th packet feeds the heavy-hitter sketches, weighted by n, so
     * the cost per packet stays flat however large the flood (heavy hitters survive sampling).
     */
    void feed(Packet p, long count, MemorySegment data, long frameOffset, int sampleLimit) {
        if (++fed >= stride) {
            fed = 0;
            sources.add(p.srcHi, p.srcLo, count * stride);
            if (p.srcPort >= 0) ports.add(0, p.srcPort, count * stride);
        }
        if (data != null && sample.size() < sampleLimit) {
            sample.add(CapturedFrame.copy(p, p.linkType, data, frameOffset));
        }
    }

    /** At each closed slot: totals, and the current rate over the time since onset (0.1 s at least, 1 s at most). */
    void observe(Slots slots, long closedSlot) {
        packets += slots.slot(Metric.PPS, 0);
        bytes += slots.slot(Metric.BPS, 0) / 8;
        rate(slots, closedSlot);
    }

    void hot() {
        packetsWhenHot = packets;
        bytesWhenHot = bytes;
    }

    void rate(Slots slots, long closedSlot) {
        rateInto(slots, closedSlot);
        stride = (int) Math.max(1, Math.min(4096, currentPps / 4096));
    }

    private void rateInto(Slots slots, long closedSlot) {
        int n = (int) Math.min(Slots.COUNT, closedSlot - onsetSlot + 1);
        long p = 0, b = 0;
        for (int age = 0; age < n; age++) {
            p += slots.slot(Metric.PPS, age);
            b += slots.slot(Metric.BPS, age);
        }
        // The onset slot is usually partial (the attack began inside it): leave it out when it is.
        long first = slots.slot(Metric.PPS, n - 1);
        if (n >= 2 && first * 4 < (p - first) * 3 / (n - 1)) {
            p -= first;
            b -= slots.slot(Metric.BPS, n - 1);
            n--;
        }
        currentPps = p * Slots.COUNT / n;
        currentBps = b * Slots.COUNT / n;
        peakPps = Math.max(peakPps, currentPps);
        peakBps = Math.max(peakBps, currentBps);
    }

    Incident snapshot(PlayerFilter players, int top) {
        var srcs = new ArrayList<SourceCount>();
        for (SpaceSaving.Entry e : sources.top(64)) {
            if (srcs.size() == top) break;
            if (players != null && players.isPlayer(scope, e.hi(), e.lo())) continue;
            srcs.add(new SourceCount(new Ip(e.hi(), e.lo()), e.count(), 0));
        }
        var prts = new ArrayList<PortCount>();
        for (SpaceSaving.Entry e : ports.top(top)) prts.add(new PortCount((int) e.lo(), e.count()));
        return new Incident(id, scope.kind, scope.target, scope.serviceId, kind, reason, severity, startNanos, endNanos,
                endNanos == 0 ? currentPps : 0, endNanos == 0 ? currentBps : 0, peakPps, peakBps,
                endNanos == 0 ? packets : packetsWhenHot, endNanos == 0 ? bytes : bytesWhenHot, maxSources,
                multiSource, spoofing, srcs, prts, sample);
    }
}
