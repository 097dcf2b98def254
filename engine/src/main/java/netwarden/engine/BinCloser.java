package netwarden.engine;

import java.util.List;
import netwarden.engine.detect.Detector;
import netwarden.engine.flow.Flow;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Times;
import netwarden.model.WindowStats;

/**
 * Closes one second for every endpoint: rolls bins into {@link WindowStats} history, records
 * play qualification, and turns joins and leaves into events. Gaps in time (a quiet minute, a
 * capture with a pause) become zero bins, at most one history's worth, so a jump of days costs
 * no more than a jump of minutes.
 */
final class BinCloser {
    private final EngineConfig config;
    private final PlayerRules rules;
    private final EventListener events;
    private final Engine.Stats stats;

    private final Detector detector;

    BinCloser(EngineConfig config, PlayerRules rules, EventListener events, Engine.Stats stats, Detector detector) {
        this.detector = detector;
        this.config = config;
        this.rules = rules;
        this.events = events;
        this.stats = stats;
    }

    /** Closes {@code second}; {@code nextSecond} is the second now open (> second). */
    void close(long second, long nextSecond, List<Endpoint> active, List<Endpoint> all) {
        long binEnd = (second + 1) * Times.NANOS_PER_SECOND;
        for (Endpoint e : active) {
            for (Flow f : e.touched) rules.recordSecond(f, second);
            if (!e.promoted) continue;
            addWindow(e, new WindowStats(second, e.binPackets, e.binBytes, e.binSources.count(), e.binSources.estimated(),
                    e.binNewSources, e.top.list(second)));
            if (detector.frozen(e.scope)) continue; // under attack: the player set is frozen against new joins
            for (Flow f : e.touched) if (!f.evicted && rules.shouldJoin(f, e.key.proto(), binEnd)) join(e, f, binEnd);
        }
        long now = nextSecond * Times.NANOS_PER_SECOND;
        long firstGap = Math.max(second + 1, nextSecond - config.windows().historySeconds());
        for (Endpoint e : all) {
            if (!e.promoted) continue;
            if (!e.active) addWindow(e, zero(second));
            for (long s = firstGap; s < nextSecond; s++) addWindow(e, zero(s));
            for (int i = e.players.size() - 1; i >= 0; i--) {
                Flow f = e.players.get(i);
                if (rules.shouldLeave(f, now)) leave(e, i, f, now);
            }
        }
        for (Endpoint e : active) e.resetBin();
    }

    private void addWindow(Endpoint e, WindowStats w) {
        e.history.addLast(w);
        while (e.history.size() > config.windows().historySeconds()) e.history.removeFirst();
        e.peakPps = Math.max(e.peakPps, w.pps());
        e.peakBps = Math.max(e.peakBps, w.bps());
    }

    private static WindowStats zero(long second) {
        return new WindowStats(second, 0, 0, 0, false, 0, List.of());
    }

    private void join(Endpoint e, Flow f, long at) {
        f.joinedAt = at;
        e.players.add(f);
        e.playersPeak = Math.max(e.playersPeak, e.players.size());
        stats.joins++;
        events.onEvent(new Event.PlayerJoined(at, e.serviceId, SnapshotBuilder.player(e, f, 0), e.players.size()));
    }

    private void leave(Endpoint e, int index, Flow f, long at) {
        e.players.remove(index);
        PlayerSnapshot gone = SnapshotBuilder.player(e, f, at);
        e.recentLeft.addLast(gone);
        while (e.recentLeft.size() > config.players().recentLeftKept()) e.recentLeft.removeFirst();
        stats.leaves++;
        events.onEvent(new Event.PlayerLeft(at, e.serviceId, gone, e.players.size()));
        f.resetSession();
    }
}
