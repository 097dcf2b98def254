package netwarden.engine.detect;

import netwarden.model.AttackKind;
import netwarden.model.Packet;
import netwarden.model.Proto;

/**
 * Which packets are an attack's own, by its kind: UDP from the vector's source port (and the later
 * fragments of UDP answers, which carry no ports) for a reflection, SYN-only segments for a SYN
 * flood, and so on. An incident's packets, bytes, sources and ports count only these; the rest of
 * the target's traffic is reported apart, so an unrelated TCP stream is never a "top source".
 */
final class Vector {
    private Vector() {}

    static boolean matches(AttackKind kind, int features, Packet p) {
        return matches(kind, features, p.proto, p.srcPort);
    }

    static boolean matches(AttackKind kind, int features, int proto, int srcPort) {
        return switch (kind) {
            case IP_FRAGMENT_FLOOD -> (features & Features.FRAGMENT) != 0;
            case TCP_SYN_FLOOD -> (features & Features.SYN) != 0;
            case TCP_ACK_RST_FLOOD -> (features & Features.ACK_RST) != 0;
            case REFLECTION_TCP -> (features & (Features.SYN_ACK | Features.RST)) != 0;
            case ICMP_FLOOD -> (features & Features.ICMP) != 0;
            case UDP_FLOOD -> (features & Features.UDP) != 0;
            case TCP_FLOOD -> (features & Features.TCP) != 0;
            case MIXED_FLOOD -> true;
            default -> proto == Proto.UDP && ((features & Features.LATER_FRAGMENT) != 0
                    || (srcPort >= 0 && AmplificationPorts.kindOfPort(srcPort) == kind));
        };
    }

    /** The slot metric that counts (close to) the vector's packets, for the part before the incident opened. */
    static Metric metric(AttackKind kind) {
        return switch (kind) {
            case IP_FRAGMENT_FLOOD -> Metric.FRAGMENTS;
            case TCP_SYN_FLOOD -> Metric.SYN;
            case TCP_ACK_RST_FLOOD -> Metric.ACK_RST;
            case REFLECTION_TCP -> Metric.TCP_REFLECTION;
            case ICMP_FLOOD -> Metric.ICMP;
            case UDP_FLOOD -> Metric.UDP;
            case TCP_FLOOD -> Metric.TCP;
            case MIXED_FLOOD -> Metric.PPS;
            default -> Metric.REFLECTION;
        };
    }
}
