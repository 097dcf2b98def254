package netwarden.model;

/**
 * Totals of everything the engine handled, for metrics. All are monotonic counters except the
 * ones named "size" or "now".
 */
public record EngineCounters(long packets, long bytes, long nonIpPackets, long latePackets,
                             long flowTableSize, long flowEvictions, long servicesDiscovered,
                             long sketchSwitches, long playerJoins, long playerLeaves) {}
