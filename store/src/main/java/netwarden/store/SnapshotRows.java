package netwarden.store;

import java.util.HashMap;
import java.util.Map;
import netwarden.model.EngineSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.WindowStats;

/**
 * Turns the engine's published snapshots into rollup and source-summary rows. A snapshot lists each service's
 * recent closed seconds, overlapping the previous snapshot's; only seconds newer than the last one taken per
 * service become rows, so a skipped snapshot loses nothing the history still holds.
 */
public final class SnapshotRows {
    private final RollupAccumulator rollups;
    private final SourceMinuteAccumulator sources;
    private final Map<String, Long> lastSecond = new HashMap<>();

    public SnapshotRows(String agent, int topSources, AddressInfo.Lookup lookup) {
        this.rollups = new RollupAccumulator(agent);
        this.sources = new SourceMinuteAccumulator(agent, topSources, lookup);
    }

    public void add(EngineSnapshot snapshot, BatchBuilder out) {
        for (ServiceSnapshot s : snapshot.services()) {
            long last = lastSecond.getOrDefault(s.id(), Long.MIN_VALUE);
            for (WindowStats w : s.recent()) {
                if (w.startSecond() <= last) continue;
                rollups.add(s.id(), w, s.playersNow(), out);
                sources.add(s.id(), w, out);
                last = w.startSecond();
            }
            lastSecond.put(s.id(), last);
        }
    }

    /** Emits the open minutes and hours (end of capture, shutdown). */
    public void flush(BatchBuilder out) {
        rollups.flush(out);
        sources.flush(out);
    }
}
