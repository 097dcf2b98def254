package netwarden.model;

import java.util.List;

/**
 * One attack, from start to end, as seen at the time of the snapshot or event.
 *
 * @param id        unique within a run: {@code <scope>:<target>:<start second>}
 * @param scope     service, host or network (wire names {@code service}, {@code host}, {@code network})
 * @param target    service id, destination address, or "network"
 * @param service   the service attacked (service scope, or a host attack dominated by one service), else null
 * @param kind      classification; wire names such as {@code udp_flood}, {@code tcp_syn_flood}, {@code reflection_memcached}
 * @param reason    the evidence in words and numbers
 * @param endNanos  0 while the attack is active
 * @param peakPps   highest packet rate measured (packets per second over at least 0.3 s)
 * @param packets   packets to the target while the incident was open
 * @param sources   most distinct sources seen in one second
 * @param topSources heaviest sources, current players of the target never included
 * @param sample    a few raw frames of the attack (may be empty when the source has no frames)
 */
public record Incident(String id, ScopeKind scope, String target, String service, AttackKind kind, String reason,
                       Severity severity, long startNanos, long endNanos, long currentPps, long currentBps,
                       long peakPps, long peakBps, long packets, long bytes, long sources,
                       boolean multiSource, boolean spoofingSuspected,
                       List<SourceCount> topSources, List<PortCount> topSourcePorts, List<CapturedFrame> sample) {
    public Incident {
        topSources = List.copyOf(topSources);
        topSourcePorts = List.copyOf(topSourcePorts);
        sample = List.copyOf(sample);
    }

    public boolean active() {
        return endNanos == 0;
    }
}
