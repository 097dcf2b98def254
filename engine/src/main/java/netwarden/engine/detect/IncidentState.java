package netwarden.engine.detect;

import netwarden.model.AttackKind;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netwarden.model.CapturedFrame;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.PortCount;
import netwarden.model.Severity;
import netwarden.model.SourceCount;

/**
 * The mutable side of one incident while it is open; {@link #snapshot} makes the immutable record.
 *
 * <p>Design notes: the kind is named once, at the start, and fixes the attack's {@link Vector}.
 * From then on each packet reaching the scope is either the vector's (its packets, bytes, sources
 * and ports) or other traffic to the target, counted apart. The vector's packets per 100 ms slot
 * are kept in a ring of ten, so its rate is its own, over the time actually measured
 * ({@link InputSpan}): the current rate over the attack's last second (0.3 s at least), the peak
 * over 0.3 s windows. What arrived between the onset and detection is estimated from the scope's
 * slot counters of the vector's metric.
 */
final class IncidentState {
    static final int PEAK_SLOTS = 3;
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
    long currentPps, currentBps, peakPps, peakBps, packets, bytes, maxSources, otherPackets, otherBytes;
    /** Totals as of the last slot still part of the attack; the quiet tail before the end is not the attack's. */
    long packetsWhenHot, bytesWhenHot, otherPacketsWhenHot, otherBytesWhenHot;
    final SpaceSaving sources = new SpaceSaving(64);
    final SpaceSaving ports = new SpaceSaving(32);
    final SpaceSaving others = new SpaceSaving(16);
    final List<CapturedFrame> sample = new ArrayList<>();
    /** Sources found to be players of the target (during or after the attack): never listed again. */
    final Set<Ip> players = new HashSet<>();
    private final long[] ringPackets = new long[Slots.COUNT], ringBytes = new long[Slots.COUNT], ringSlot = new long[Slots.COUNT];
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
        java.util.Arrays.fill(ringSlot, Long.MIN_VALUE);
        seed(scope.slots);
    }

    /**
     * The last second before detection, from the scope's slot counters: the vector's metric gives
     * its packets (later fragments too, for a reflection), its bytes are the slot's bytes in the
     * same share. Slots from the onset on count towards the totals.
     */
    private void seed(Slots slots) {
        Metric m = Vector.metric(kind);
        long open = slots.openSlot();
        for (int age = Slots.COUNT - 1; age >= 0; age--) {
            long all = slots.slot(Metric.PPS, age), allBytes = slots.slot(Metric.BPS, age) / 8;
            long vp = Math.min(all, slots.slot(m, age) + (kind.reflection() && kind != AttackKind.REFLECTION_TCP ? slots.slot(Metric.LATER_FRAGMENTS, age) : 0));
            long vb = all == 0 ? 0 : Math.round(allBytes * (double) vp / all);
            long slot = open - age;
            int i = ring(slot);
            ringSlot[i] = slot;
            ringPackets[i] = vp;
            ringBytes[i] = vb;
            if (slot >= onsetSlot) {
                packets += vp;
                bytes += vb;
                otherPackets += all - vp;
                otherBytes += allBytes - vb;
            }
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
     * Per packet reaching the scope while open, in slot {@code slot}: the vector's counts, heavy
     * hitters and the raw sample, or the other traffic's counts. Above about 4096 packets a second
     * only every n-th vector packet feeds the heavy-hitter sketches, weighted by n, so the cost per
     * packet stays flat however large the flood (heavy hitters survive sampling).
     */
    void feed(Packet p, int features, long count, long bytes, long slot, MemorySegment data, long frameOffset, int sampleLimit) {
        if (!Vector.matches(kind, features, p)) {
            otherPackets += count;
            otherBytes += bytes;
            others.add(p.srcHi, p.srcLo, count);
            return;
        }
        packets += count;
        this.bytes += bytes;
        int i = ring(slot);
        if (ringSlot[i] != slot) {
            ringSlot[i] = slot;
            ringPackets[i] = ringBytes[i] = 0;
        }
        ringPackets[i] += count;
        ringBytes[i] += bytes;
        if (++fed >= stride) {
            fed = 0;
            sources.add(p.srcHi, p.srcLo, count * stride);
            if (p.srcPort >= 0) ports.add(0, p.srcPort, count * stride);
        }
        if (data != null && sample.size() < sampleLimit) {
            sample.add(CapturedFrame.copy(p, p.linkType, data, frameOffset));
        }
    }

    void hot() {
        packetsWhenHot = packets;
        bytesWhenHot = bytes;
        otherPacketsWhenHot = otherPackets;
        otherBytesWhenHot = otherBytes;
    }

    /**
     * After slot {@code closedSlot} closed: the current rate over the attack's last second (its
     * whole life while shorter, 0.3 s at least; a partial onset slot left out when that leaves 0.3 s)
     * and the peak, the highest rate over any such window or the 0.3 s ending now. One definition:
     * packets per second over the time measured, windows of 0.3 s or more.
     */
    void rate(InputSpan span, long closedSlot) {
        int n = (int) Math.max(PEAK_SLOTS, Math.min(Slots.COUNT, closedSlot - onsetSlot + 1));
        long p = sum(ringPackets, closedSlot, n), first = sum(ringPackets, closedSlot - n + 1, 1);
        if (n > PEAK_SLOTS && first * 4 < (p - first) * 3 / (n - 1)) n--; // the attack began inside its onset slot
        long end = (closedSlot + 1) * Slots.SLOT_NANOS, from = end - n * Slots.SLOT_NANOS;
        currentPps = Math.round(span.rate(sum(ringPackets, closedSlot, n), from, end));
        currentBps = Math.round(span.rate(sum(ringBytes, closedSlot, n) * 8.0, from, end));
        long peakFrom = end - PEAK_SLOTS * Slots.SLOT_NANOS;
        peakPps = Math.max(peakPps, Math.max(currentPps, Math.round(span.rate(sum(ringPackets, closedSlot, PEAK_SLOTS), peakFrom, end))));
        peakBps = Math.max(peakBps, Math.max(currentBps, Math.round(span.rate(sum(ringBytes, closedSlot, PEAK_SLOTS) * 8.0, peakFrom, end))));
        stride = (int) Math.max(1, Math.min(4096, currentPps / 4096));
    }

    private long sum(long[] ring, long lastSlot, int n) {
        long total = 0;
        for (long s = lastSlot - n + 1; s <= lastSlot; s++) {
            int i = ring(s);
            if (ringSlot[i] == s) total += ring[i];
        }
        return total;
    }

    private static int ring(long slot) {
        return (int) Math.floorMod(slot, (long) Slots.COUNT);
    }

    /** The vector's heavy hitters, players of the target left out (and remembered as such). */
    List<SourceCount> topSources(PlayerFilter filter, int top) {
        var srcs = new ArrayList<SourceCount>();
        for (SpaceSaving.Entry e : sources.top(64)) {
            if (srcs.size() == top) break;
            Ip ip = new Ip(e.hi(), e.lo());
            if (players.contains(ip)) continue;
            if (filter != null && filter.isPlayer(scope, e.hi(), e.lo())) {
                players.add(ip);
                continue;
            }
            srcs.add(new SourceCount(ip, e.count(), 0));
        }
        return srcs;
    }

    Incident snapshot(PlayerFilter filter, int top) {
        var srcs = topSources(filter, top);
        var prts = new ArrayList<PortCount>();
        for (SpaceSaving.Entry e : ports.top(top)) prts.add(new PortCount((int) e.lo(), e.count()));
        var other = new ArrayList<SourceCount>();
        for (SpaceSaving.Entry e : others.top(Math.min(top, 5))) other.add(new SourceCount(new Ip(e.hi(), e.lo()), e.count(), 0));
        boolean open = endNanos == 0;
        return new Incident(id, scope.kind, scope.target, scope.serviceId, kind, reason, severity, startNanos, endNanos,
                open ? currentPps : 0, open ? currentBps : 0, peakPps, peakBps,
                open ? packets : packetsWhenHot, open ? bytes : bytesWhenHot, maxSources,
                multiSource, spoofing, srcs, prts, sample,
                open ? otherPackets : otherPacketsWhenHot, open ? otherBytes : otherBytesWhenHot, other);
    }
}
