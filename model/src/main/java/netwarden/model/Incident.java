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
 * @param currentPps packets per second of the attack's vector over the last second (at least 0.3 s),
 *                  divided by the time actually measured (a capture that ends early is not padded with silence)
 * @param peakPps   highest packet rate of the vector over any 0.3 s window, the same definition
 * @param packets   packets of the attack's vector (e.g. UDP from port 53 for a DNS reflection) to the target
 * @param bytes     bytes of those packets
 * @param sources   most distinct sources seen in one second
 * @param topSources heaviest sources of the vector; sources that are (or became, during or shortly after
 *                  the attack) players of the target never included
 * @param otherPackets packets to the target while the incident was open that are not the vector (reported apart)
 * @param otherBytes   bytes of those packets
 * @param otherSources heaviest sources of that other traffic
 * @param sample    a few raw frames of the attack (may be empty when the source has no frames)
 */
public record Incident(String id, ScopeKind scope, String target, String service, AttackKind kind, String reason,
                       Severity severity, long startNanos, long endNanos, long currentPps, long currentBps,
                       long peakPps, long peakBps, long packets, long bytes, long sources,
                       boolean multiSource, boolean spoofingSuspected,
                       List<SourceCount> topSources, List<PortCount> topSourcePorts, List<CapturedFrame> sample,
                       long otherPackets, long otherBytes, List<SourceCount> otherSources) {
    public Incident {
        topSources = List.copyOf(topSources);
        otherSources = List.copyOf(otherSources);
        topSourcePorts = List.copyOf(topSourcePorts);
        sample = List.copyOf(sample);
    }

    /** An incident with no other traffic reported apart. */
    public Incident(String id, ScopeKind scope, String target, String service, AttackKind kind, String reason,
                    Severity severity, long startNanos, long endNanos, long currentPps, long currentBps,
                    long peakPps, long peakBps, long packets, long bytes, long sources,
                    boolean multiSource, boolean spoofingSuspected,
                    List<SourceCount> topSources, List<PortCount> topSourcePorts, List<CapturedFrame> sample) {
        this(id, scope, target, service, kind, reason, severity, startNanos, endNanos, currentPps, currentBps, peakPps, peakBps,
                packets, bytes, sources, multiSource, spoofingSuspected, topSources, topSourcePorts, sample, 0, 0, List.of());
    }

    /** The same incident with another reason (a note appended by an update). */
    public Incident withReason(String newReason) {
        return new Incident(id, scope, target, service, kind, newReason, severity, startNanos, endNanos, currentPps, currentBps,
                peakPps, peakBps, packets, bytes, sources, multiSource, spoofingSuspected, topSources, topSourcePorts, sample,
                otherPackets, otherBytes, otherSources);
    }

    public boolean active() {
        return endNanos == 0;
    }
}
