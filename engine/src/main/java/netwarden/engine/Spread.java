package netwarden.engine;

import netwarden.model.Times;

/**
 * Splits the counts of an interval (an aggregate, a flow record) over the seconds it spans, in
 * proportion to the time it spent in each, so a five-minute flow adds to five minutes of windows
 * rather than one second. The pieces' sums equal the totals exactly: each piece is the difference
 * of rounded-down running totals, and the last second takes the rest. Bytes of a second that gets
 * no whole packet move on with the next piece that does.
 */
final class Spread {
    /** Longest span spread; a record claiming more (a broken exporter clock) is spread over its last hour. */
    static final long MAX_SECONDS = 3600;

    /** Receives one second's share; {@code tsNanos} lies inside the interval and inside that second. */
    interface Piece {
        void count(long tsNanos, long packets, long bytes);
    }

    private Spread() {}

    static void over(long startNanos, long endNanos, long packets, long bytes, Piece out) {
        if (packets <= 0) return;
        long start = Math.max(startNanos, endNanos - MAX_SECONDS * Times.NANOS_PER_SECOND);
        long first = Times.second(start), last = Times.second(endNanos);
        if (first == last) {
            out.count(start, packets, bytes);
            return;
        }
        double span = (double) (endNanos - start);
        long donePackets = 0, doneBytes = 0;
        for (long s = first; s <= last; s++) {
            long cumPackets = packets, cumBytes = bytes;
            if (s < last) {
                double share = ((s + 1) * Times.NANOS_PER_SECOND - start) / span;
                cumPackets = Math.min(packets, (long) (packets * share));
                cumBytes = Math.min(bytes, (long) (bytes * share));
            }
            if (cumPackets == donePackets) continue;
            out.count(Math.max(start, s * Times.NANOS_PER_SECOND), cumPackets - donePackets, cumBytes - doneBytes);
            donePackets = cumPackets;
            doneBytes = cumBytes;
        }
    }
}
