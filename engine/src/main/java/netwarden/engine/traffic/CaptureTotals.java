package netwarden.engine.traffic;

/**
 * Whole-capture facts next to the per-row totals of {@link TrafficTable}.
 *
 * @param frames          frames added
 * @param nonIpFrames     frames with no IP header (ipVersion 0)
 * @param truncatedFrames frames whose captured length is below the wire length
 * @param firstTsNanos    timestamp of the first frame in file order (0 when there are no frames)
 * @param lastTsNanos     timestamp of the last frame in file order
 * @param minTsNanos      earliest timestamp (files need not be in time order)
 * @param maxTsNanos      latest timestamp
 */
public record CaptureTotals(long frames, long nonIpFrames, long truncatedFrames,
                            long firstTsNanos, long lastTsNanos, long minTsNanos, long maxTsNanos) {
    public CaptureTotals {
        if (frames < 0 || nonIpFrames < 0 || truncatedFrames < 0 || nonIpFrames > frames || truncatedFrames > frames) {
            throw new IllegalArgumentException("inconsistent frame counts: frames=" + frames + " nonIp=" + nonIpFrames
                    + " truncated=" + truncatedFrames);
        }
        if (frames > 0 && minTsNanos > maxTsNanos) {
            throw new IllegalArgumentException("minTsNanos " + minTsNanos + " after maxTsNanos " + maxTsNanos);
        }
    }

    /** max - min in nanoseconds: the capture's span even when frames are out of order. */
    public long spanNanos() {
        return maxTsNanos - minTsNanos;
    }
}
