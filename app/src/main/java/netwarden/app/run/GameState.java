package netwarden.app.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.GameView;
import netwarden.model.Ip;
import netwarden.sources.query.QueryResult;

/**
 * The mutable side of {@link GameView}: pollers and the log tail write (each on its own thread), every
 * write publishes a new immutable view through a volatile field, the HTTP threads only read that.
 */
final class GameState {
    private final Map<String, GameView.Query> queries = new HashMap<>();
    private final Map<String, Map<Ip, String>> names = new HashMap<>();
    private volatile GameView view = GameView.EMPTY;

    GameView view() {
        return view;
    }

    /** A service has a query that has not answered yet. */
    synchronized void expect(String service, String protocol) {
        queries.put(service, new GameView.Query(protocol, false, -1, -1, null, null, -1, List.of(), 0));
        publish();
    }

    synchronized void answered(QueryResult r) {
        GameView.Query old = queries.get(r.service());
        String protocol = old == null ? "" : old.protocol();
        queries.put(r.service(), new GameView.Query(protocol, true, r.players(), r.maxPlayers(), r.map(), r.name(), r.rttNanos(),
                r.playerNames(), r.atNanos()));
        publish();
    }

    /** The query stopped answering: the last answer stays shown, marked down. */
    synchronized void down(String service) {
        GameView.Query q = queries.get(service);
        if (q == null) return;
        queries.put(service, new GameView.Query(q.protocol(), false, q.players(), q.maxPlayers(), q.map(), q.name(), q.rttNanos(),
                q.playerNames(), q.atNanos()));
        publish();
    }

    synchronized void named(String service, Ip address, String name) {
        Map<Ip, String> m = names.computeIfAbsent(service, s -> new HashMap<>());
        if (name == null) m.remove(address);
        else m.put(address, name);
        publish();
    }

    private void publish() {
        var copy = new HashMap<String, Map<Ip, String>>();
        names.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
        view = new GameView(queries, copy);
    }
}
