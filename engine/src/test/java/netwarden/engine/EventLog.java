package netwarden.engine;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.EventListener;

/** Collects events for assertions. */
final class EventLog implements EventListener {
    final List<Event> events = new ArrayList<>();

    @Override
    public void onEvent(Event event) {
        events.add(event);
    }

    <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
