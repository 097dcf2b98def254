package netwarden.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netwarden.engine.flow.Flow;
import netwarden.model.Ip;
import netwarden.model.SourceCount;

/**
 * Exact top-k sources of one endpoint within the current second. Per-flow counts only grow during
 * a second, so a flow that ever exceeds the smallest kept count belongs in the list; keeping the
 * k largest seen so far is therefore exact. The cached minimum may lag low, which only costs an
 * extra O(k) scan, never a wrong answer.
 */
final class TopSources {
    private final Flow[] kept;
    private int size;
    private long cachedMin;
    private long second = Long.MIN_VALUE;

    TopSources(int k) {
        kept = new Flow[k];
    }

    void offer(Flow f, long currentSecond) {
        if (kept.length == 0) return;
        if (second != currentSecond) reset(currentSecond);
        if (f.topSecond == currentSecond) return;
        if (size < kept.length) {
            kept[size++] = f;
            f.topSecond = currentSecond;
            cachedMin = size == kept.length ? minCount() : 0;
            return;
        }
        if (f.binIn <= cachedMin) return;
        int minAt = 0;
        for (int i = 1; i < size; i++) if (kept[i].binIn < kept[minAt].binIn) minAt = i;
        if (f.binIn > kept[minAt].binIn) {
            kept[minAt].topSecond = Long.MIN_VALUE;
            kept[minAt] = f;
            f.topSecond = currentSecond;
        }
        cachedMin = minCount();
    }

    /** The kept sources of {@code forSecond}, heaviest first; empty when nothing was offered then. */
    List<SourceCount> list(long forSecond) {
        if (second != forSecond || size == 0) return List.of();
        var out = new ArrayList<SourceCount>(size);
        for (int i = 0; i < size; i++) out.add(new SourceCount(new Ip(kept[i].srcHi(), kept[i].srcLo()), kept[i].binIn, kept[i].binBytesIn));
        out.sort(Comparator.comparingLong(SourceCount::packets).reversed().thenComparing(SourceCount::address));
        return out;
    }

    private void reset(long currentSecond) {
        for (int i = 0; i < size; i++) kept[i] = null;
        size = 0;
        cachedMin = 0;
        second = currentSecond;
    }

    private long minCount() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) m = Math.min(m, kept[i].binIn);
        return m;
    }
}
