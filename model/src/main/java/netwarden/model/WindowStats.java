package netwarden.model;

import java.util.List;

/**
 * One closed 1-second bin of a service, keyed by packet time.
 *
 * @param startSecond       epoch second the bin covers, [start, start + 1)
 * @param packets           packets to the service in the bin (pps)
 * @param bytes             wire bytes to the service in the bin (bps = 8 * bytes)
 * @param distinctSources   distinct source addresses; exact unless {@code sourcesEstimated}
 * @param sourcesEstimated  true when the bin's source count came from a HyperLogLog sketch (±2 %)
 * @param newSources        sources never seen by this service before this bin (exact until the flow table evicts)
 * @param topSources        heaviest sources by packets, at most a configured number
 */
public record WindowStats(long startSecond, long packets, long bytes, long distinctSources, boolean sourcesEstimated,
                          long newSources, List<SourceCount> topSources) {
    public WindowStats {
        topSources = List.copyOf(topSources);
    }

    public long pps() {
        return packets;
    }

    public long bps() {
        return bytes * 8;
    }
}
