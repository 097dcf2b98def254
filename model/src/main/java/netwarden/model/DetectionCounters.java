package netwarden.model;

import java.util.Map;

/**
 * Detection totals for metrics.
 *
 * @param attacksStartedByKind  incidents opened, by classification (counter per kind)
 * @param evaluations           detector evaluations run (one per scope per 100 ms slot)
 * @param evaluationNanos       CPU time spent in those evaluations (counter, nanoseconds)
 * @param hostsTracked          destination hosts currently tracked (gauge)
 * @param hostsUntracked        packets to hosts that could not be tracked because the host table was full
 * @param frozenSourcePackets   packets from sources first seen while their service was under attack: counted,
 *                              but given no flow entry (the player set is frozen then)
 */
public record DetectionCounters(Map<String, Long> attacksStartedByKind, long evaluations, long evaluationNanos,
                                long hostsTracked, long hostsUntracked, long frozenSourcePackets) {
    public static final DetectionCounters ZERO = new DetectionCounters(Map.of(), 0, 0, 0, 0, 0);

    public DetectionCounters {
        attacksStartedByKind = Map.copyOf(attacksStartedByKind);
    }
}
