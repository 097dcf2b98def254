package netwarden.engine.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Heavy hitters over a stream with k counters (Metwally et al., "Space-Saving"): any key whose
 * true count exceeds n/k is kept, and each kept count overestimates by at most the smallest
 * count. Keys are two longs (an address, or a port in {@code lo}). Used only while an incident
 * is open, so its O(k) replacement scan never touches normal traffic.
 */
final class SpaceSaving {
    private final long[] his, los, counts;
    private int size;

    SpaceSaving(int k) {
        his = new long[k];
        los = new long[k];
        counts = new long[k];
    }

    void add(long hi, long lo, long n) {
        for (int i = 0; i < size; i++) {
            if (los[i] == lo && his[i] == hi) {
                counts[i] += n;
                return;
            }
        }
        if (size < counts.length) {
            his[size] = hi;
            los[size] = lo;
            counts[size++] = n;
            return;
        }
        int min = 0;
        for (int i = 1; i < size; i++) if (counts[i] < counts[min]) min = i;
        his[min] = hi;
        los[min] = lo;
        counts[min] += n;
    }

    record Entry(long hi, long lo, long count) {}

    /** Entries by count, largest first. */
    List<Entry> top(int limit) {
        var out = new ArrayList<Entry>(size);
        for (int i = 0; i < size; i++) out.add(new Entry(his[i], los[i], counts[i]));
        out.sort((a, b) -> Long.compare(b.count, a.count));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
