package netwarden.sources.collect;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one exporter (or one of its interfaces), written by the decode thread and read at
 * scrape time: adders, so a scrape never waits for the decoder.
 */
final class ExporterStats {
    final LongAdder datagrams = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder records = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder packets = new LongAdder();
    final LongAdder templates = new LongAdder();
    final LongAdder withdrawn = new LongAdder();
    final LongAdder samplingUnknown = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder heldDropped = new LongAdder();
    final LongAdder retimed = new LongAdder();
}
