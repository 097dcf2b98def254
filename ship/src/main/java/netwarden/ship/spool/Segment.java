package netwarden.ship.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One segment file and the index of its records; owned by {@link Spool}, guarded by its lock. */
final class Segment {
    /** Where one record lies and what it holds. */
    record Entry(long sequence, long offset, int length, int rows) {}

    final Path path;
    final boolean rollup;
    final long firstSequence;
    final List<Entry> entries = new ArrayList<>();
    long bytes;
    /** Open for appending while this is the active segment of its kind; null once closed or recovered. */
    FileChannel writer;

    Segment(Path path, boolean rollup, long firstSequence) {
        this.path = path;
        this.rollup = rollup;
        this.firstSequence = firstSequence;
    }

    static String name(boolean rollup, long firstSequence) {
        return (rollup ? "rollup-" : "raw-") + String.format("%020d", firstSequence) + ".seg";
    }

    long lastSequence() {
        return entries.isEmpty() ? firstSequence - 1 : entries.getLast().sequence();
    }

    /** The first entry with a sequence above {@code after}, or null. */
    Entry firstAfter(long after) {
        int lo = 0, hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).sequence() <= after) lo = mid + 1;
            else hi = mid;
        }
        return lo < entries.size() ? entries.get(lo) : null;
    }

    void closeWriter() throws IOException {
        if (writer != null) {
            writer.force(false);
            writer.close();
            writer = null;
        }
    }
}
