package netwarden.app.run;

import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.sources.query.QueryListener;
import netwarden.sources.query.QueryResult;

/** A poller's answers into the {@link GameState}; "not answering" and "back" into events. */
final class QueryEvents implements QueryListener {
    private final GameState state;
    private final EventListener events;

    QueryEvents(GameState state, EventListener events) {
        this.state = state;
        this.events = events;
    }

    @Override
    public void answered(QueryResult result) {
        state.answered(result);
    }

    @Override
    public void notAnswering(String service, long atNanos, String reason) {
        state.down(service);
        events.onEvent(new Event.QueryStatus(atNanos, service, false, reason, -1));
    }

    @Override
    public void back(String service, long atNanos, QueryResult result) {
        state.answered(result);
        events.onEvent(new Event.QueryStatus(atNanos, service, true, null, result.players()));
    }
}
