package netwarden.engine.detect;

import java.util.Locale;
import netwarden.model.AttackKind;
import netwarden.model.ScopeKind;

/**
 * Names an attack from the last second of the target's traffic and says why, with numbers.
 * Order matters: reflection first (its large answers are often fragmented), then fragments,
 * then TCP flag patterns, then the dominant protocol.
 */
final class Classifier {
    record Verdict(AttackKind kind, String reason, boolean multiSource, boolean spoofingSuspected) {}

    private Classifier() {}

    static Verdict classify(Scope s, Metric trigger, double value, double threshold, InputSpan span) {
        Slots sl = s.slots;
        long pps = sl.sliding(Metric.PPS), udp = sl.sliding(Metric.UDP), tcp = sl.sliding(Metric.TCP);
        long icmp = sl.sliding(Metric.ICMP), syn = sl.sliding(Metric.SYN), ackRst = sl.sliding(Metric.ACK_RST);
        long frags = sl.sliding(Metric.FRAGMENTS), refl = sl.sliding(Metric.REFLECTION);
        long synAck = sl.sliding(Metric.SYN_ACK), tcpRefl = sl.sliding(Metric.TCP_REFLECTION);
        long ported = pps - sl.sliding(Metric.LATER_FRAGMENTS); // later fragments show no ports, whatever they carry
        long sources = Math.max(s.lastSecondSources, s.secondSources.getAsLong());
        long newSources = Math.max(s.lastSecondNewSources, sl.sliding(Metric.NEW_SOURCES));
        AttackKind kind;
        String why;
        if (refl > 0 && (refl * 10 >= ported * 3 || trigger == Metric.REFLECTION)) {
            int port = dominantReflectionPort(s);
            kind = AmplificationPorts.kind(port);
            why = String.format(Locale.ROOT, "%d of %d packets with visible ports in the last second (%s) come from UDP source port %d (%s), a reflection/amplification vector",
                    refl, ported, pct(refl, ported), AmplificationPorts.port(port), AmplificationPorts.name(port).replace('_', '-'));
            if (frags > 0) why += String.format(Locale.ROOT, "; %d are IP fragments, typical of large amplified answers", frags);
        } else if (frags * 2 >= pps && frags > 0) {
            kind = AttackKind.IP_FRAGMENT_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d packets in the last second (%s) are IP fragments", frags, pps, pct(frags, pps));
        } else if (tcp * 2 >= pps && tcpRefl * 2 >= tcp && synAck > 0 && (synAck * 5 >= tcpRefl || s.kind == ScopeKind.NETWORK || s.kind == ScopeKind.SPRAY)) {
            kind = AttackKind.REFLECTION_TCP;
            why = String.format(Locale.ROOT, "%d of %d TCP packets in the last second (%s) are SYN-ACK or RST answers (%d SYN-ACK), "
                    + "a TCP reflection: servers answering SYNs forged with the target's address", tcpRefl, tcp, pct(tcpRefl, tcp), synAck);
        } else if (tcp * 2 >= pps && syn * 2 >= tcp && syn > 0) {
            kind = AttackKind.TCP_SYN_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d TCP packets in the last second (%s) are SYN without ACK", syn, tcp, pct(syn, tcp));
        } else if (tcp * 2 >= pps && ackRst * 2 >= tcp && ackRst > 0) {
            kind = AttackKind.TCP_ACK_RST_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d TCP packets in the last second (%s) are bare ACK/RST without payload", ackRst, tcp, pct(ackRst, tcp));
        } else if (icmp * 2 >= pps && icmp > 0) {
            kind = AttackKind.ICMP_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d packets in the last second (%s) are ICMP/ICMPv6", icmp, pps, pct(icmp, pps));
        } else if (udp * 2 >= pps && udp > 0) {
            kind = AttackKind.UDP_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d packets in the last second (%s) are UDP", udp, pps, pct(udp, pps));
        } else if (tcp * 2 >= pps && tcp > 0) {
            kind = AttackKind.TCP_FLOOD;
            why = String.format(Locale.ROOT, "%d of %d packets in the last second (%s) are TCP", tcp, pps, pct(tcp, pps));
        } else {
            kind = AttackKind.MIXED_FLOOD;
            why = String.format(Locale.ROOT, "%d packets in the last second of mixed protocols (udp %d, tcp %d, icmp %d)", pps, udp, tcp, icmp);
        }
        why += String.format(Locale.ROOT, " to %s %s; %s at %s (threshold %s)", s.kind.label(), s.target,
                trigger.key(), fmt(value, trigger), fmt(threshold, trigger));
        if (span.zeroSpan()) why += String.format(Locale.ROOT, "; all %d packets share one timestamp: one burst, rated over 1 ms", pps);
        boolean multi = sources > 3;
        why += multi ? String.format(Locale.ROOT, "; multi-source: %d sources in the last second", sources)
                : String.format(Locale.ROOT, "; single-source (%d source%s)", sources, sources == 1 ? "" : "s");
        String spoof = spoofing(s, kind, sources, newSources);
        if (spoof != null) why += "; spoofing suspected: " + spoof;
        return new Verdict(kind, why, multi, spoof != null);
    }

    private static String spoofing(Scope s, AttackKind kind, long sources, long newSources) {
        if (kind.reflection()) return null; // reflectors are real hosts; the forgery is upstream
        if (sources >= 500 && newSources * 10 >= sources * 8)
            return String.format(Locale.ROOT, "%d sources in one second, %d never seen before", sources, newSources);
        if (sources >= 1_000 && s.kind != ScopeKind.SERVICE)
            return String.format(Locale.ROOT, "%d distinct sources in one second", sources);
        if (sources >= 200 && s.ttlDistinct > 0 && s.ttlDistinct <= 2)
            return String.format(Locale.ROOT, "%d sources share %d TTL value%s, as if sent by one machine", sources, s.ttlDistinct, s.ttlDistinct == 1 ? "" : "s");
        if (sources >= 200 && s.ttlDistinct >= 64)
            return String.format(Locale.ROOT, "%d distinct TTLs across %d sources, as random TTLs of forged packets", s.ttlDistinct, sources);
        return null;
    }

    private static int dominantReflectionPort(Scope s) {
        int best = 1;
        for (int i = 1; i < s.reflection.length; i++) if (s.reflection[i] > s.reflection[best]) best = i;
        return best;
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    static String fmt(double v, Metric m) {
        if (m == Metric.BPS) return v >= 1e9 ? String.format(Locale.ROOT, "%.2f Gbit/s", v / 1e9)
                : v >= 1e6 ? String.format(Locale.ROOT, "%.1f Mbit/s", v / 1e6) : String.format(Locale.ROOT, "%.0f bit/s", v);
        return String.format(Locale.ROOT, "%.0f %s", v, m.unit());
    }
}
