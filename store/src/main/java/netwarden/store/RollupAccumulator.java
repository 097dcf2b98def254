package netwarden.store;

import java.util.HashMap;
import java.util.Map;
import netwarden.model.WindowStats;

/**
 * Turns each service's closed seconds into rollup rows: a 1 s row per second at once, a 1 min and a 1 h row
 * when a second of a later minute or hour arrives (or at {@link #flush}). Pure and single-threaded: fed by
 * whoever turns engine snapshots into batches. Seconds must arrive in order per service; a late one is
 * folded into the open bucket rather than lost.
 */
public final class RollupAccumulator {
    private final String agent;
    private final Map<String, Bucket[]> open = new HashMap<>();

    public RollupAccumulator(String agent) {
        this.agent = agent;
    }

    private static final class Bucket {
        final long ts;
        long packets, bytes, peakPps, peakBps, sources, players;

        Bucket(long ts) {
            this.ts = ts;
        }

        void add(WindowStats w, int playersNow) {
            packets += w.packets();
            bytes += w.bytes();
            peakPps = Math.max(peakPps, w.packets());
            peakBps = Math.max(peakBps, w.bps());
            sources = Math.max(sources, w.distinctSources());
            players = Math.max(players, playersNow);
        }
    }

    /** Adds one closed second of {@code service} with the players online then. */
    public void add(String service, WindowStats w, int playersNow, BatchBuilder out) {
        out.rollup(Step.SECOND, new Rows.Rollup(agent, service, w.startSecond(), w.packets(), w.bytes(), w.packets(),
                w.bps(), w.distinctSources(), playersNow));
        Bucket[] b = open.computeIfAbsent(service, k -> new Bucket[2]);
        Step[] steps = {Step.MINUTE, Step.HOUR};
        for (int i = 0; i < 2; i++) {
            long start = w.startSecond() - Math.floorMod(w.startSecond(), steps[i].seconds);
            if (b[i] != null && start > b[i].ts) {
                emit(service, steps[i], b[i], out);
                b[i] = null;
            }
            if (b[i] == null) b[i] = new Bucket(start);
            b[i].add(w, playersNow);
        }
    }

    /** Emits every open minute and hour (at the end of a capture or at shutdown) and forgets them. */
    public void flush(BatchBuilder out) {
        open.forEach((service, b) -> {
            if (b[0] != null) emit(service, Step.MINUTE, b[0], out);
            if (b[1] != null) emit(service, Step.HOUR, b[1], out);
        });
        open.clear();
    }

    private void emit(String service, Step step, Bucket b, BatchBuilder out) {
        out.rollup(step, new Rows.Rollup(agent, service, b.ts, b.packets, b.bytes, b.peakPps, b.peakBps, b.sources, b.players));
    }
}
