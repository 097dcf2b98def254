package netwarden.model;

/**
 * Totals of everything the engine handled, for metrics. All are monotonic counters except
 * {@code flowTableSize} and {@code endpointsTracked}, which are current sizes (gauges).
 *
 * @param latePackets       packets whose timestamp fell before the open 1-second bin (counted into it)
 * @param flowEvictions     (service, source) entries evicted from the full flow table
 * @param endpointsTracked  destination endpoints currently tracked (services and discovery candidates)
 * @param endpointsUntracked packets to endpoints that could not be tracked because the candidate table was full
 * @param sketchSwitches    1-second bins whose distinct-source count switched from exact to HyperLogLog
 */
public record EngineCounters(long packets, long bytes, long nonIpPackets, long latePackets,
                             long flowTableSize, long flowEvictions, long endpointsTracked, long endpointsUntracked,
                             long servicesDiscovered, long sketchSwitches, long playerJoins, long playerLeaves) {
    public static final EngineCounters ZERO = new EngineCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
