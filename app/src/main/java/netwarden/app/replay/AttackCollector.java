package netwarden.app.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Incident;

/**
 * Keeps the latest state of every incident of a replay, from the engine's attack events. Unlike
 * the snapshot, which keeps a bounded number of recent incidents, this keeps them all: a replay
 * is a forensic record. Runs on the replay's engine thread; read it after that thread ended.
 */
final class AttackCollector implements EventListener {
    /** Report order: by start, then id. */
    static final Comparator<Incident> ORDER = Comparator.comparingLong(Incident::startNanos).thenComparing(Incident::id);

    private final Map<String, Incident> byId = new LinkedHashMap<>();

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.AttackStarted e -> byId.put(e.incident().id(), e.incident());
            case Event.AttackUpdated e -> byId.put(e.incident().id(), e.incident());
            case Event.AttackEnded e -> byId.put(e.incident().id(), e.incident());
            default -> { }
        }
    }

    /** Every incident seen, plus any in the final snapshot that sent no event, in report order. */
    List<Incident> all(EngineSnapshot last) {
        var out = new LinkedHashMap<>(byId);
        for (Incident i : last.incidents()) out.putIfAbsent(i.id(), i);
        var list = new ArrayList<>(out.values());
        list.sort(ORDER);
        return list;
    }
}
