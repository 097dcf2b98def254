package netwarden.app.run;

import java.util.List;
import netwarden.model.Event;
import netwarden.wire.AddressFormat;
import netwarden.sinks.route.Sink;
import netwarden.sinks.route.SinkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs engine events at INFO, one line each: player joined/left (addresses masked), service
 * discovered, and attack started/updated/ended with the incident's numbers and its reason.
 *
 * <p>A {@link Sink} named {@code event_log}: behind its {@link netwarden.sinks.route.SinkWorker}
 * ({@link #SINK}) the pipeline thread only queues events, dropped and counted in
 * {@code netwarden_sink_dropped_total{sink="event_log"}} when the queue is full.
 */
final class EventLog implements Sink<Event> {
    /** Its worker: 4096 events may wait. */
    static final SinkConfig SINK = SinkConfig.ofCapacity(4096);
    private static final Logger LOG = LoggerFactory.getLogger("netwarden.events");

    private final AddressFormat addresses;

    EventLog(AddressFormat addresses) {
        this.addresses = addresses;
    }

    @Override
    public String name() {
        return "event_log";
    }

    /** The router's records (connections, DNS entries, firewall records) are stored, not logged: thousands a second. */
    @Override
    public boolean accepts(Event e) {
        return !(e instanceof Event.RouterConnection || e instanceof Event.RouterDns || e instanceof Event.RouterFirewall);
    }

    @Override
    public void deliver(List<Event> batch) {
        for (Event e : batch) LOG.info(describe(e));
    }

    String describe(Event e) {
        return switch (e) {
            case Event.PlayerJoined j -> "player joined " + j.service() + ": " + addresses.format(j.player().address())
                    + " (players now " + j.playersNow() + ")";
            case Event.PlayerLeft l -> "player left " + l.service() + ": " + addresses.format(l.player().address())
                    + " (players now " + l.playersNow() + ")";
            case Event.ServiceDiscovered d -> "service discovered: " + d.key() + " as " + d.service() + " ("
                    + d.distinctSources() + " sources)";
            case Event.AttackStarted a -> "attack started: " + AttackLines.headline(a.incident()) + ": " + a.incident().reason();
            case Event.AttackUpdated a -> "attack updated: " + AttackLines.headline(a.incident()) + ": " + AttackLines.now(a.incident())
                    + ": " + a.incident().reason();
            case Event.AttackEnded a -> "attack ended: " + AttackLines.headline(a.incident()) + " after "
                    + AttackLines.duration(a.incident()) + ": " + AttackLines.totals(a.incident()) + ": " + a.incident().reason();
            case Event.GameLogged g -> "game log " + g.action() + " " + g.service() + ": "
                    + (g.playerName() == null ? "" : g.playerName() + " ")
                    + (g.address() == null ? "" : addresses.format(g.address()) + " ")
                    + (g.player() == null ? (g.playerName() == null ? "" : "(no traffic player)") : "(traffic player)")
                    + (g.detail() == null ? "" : " " + g.detail());
            case Event.QueryStatus q -> q.up() ? "server back " + q.service() + ": answering queries, " + q.players() + " players"
                    : "server not answering " + q.service() + ": " + q.reason();
            case Event.Anomaly a -> "anomaly " + a.anomaly().code() + " (score " + a.anomaly().score() + ") from "
                    + addresses.format(a.anomaly().device()) + ": " + a.anomaly().evidence() + " [incident " + a.incident().id() + "]";
            case Event.AnomalyIncidentEnded x -> "anomaly incident ended: " + x.incident().id() + " (" + String.join(", ", x.incident().codes())
                    + "; " + x.incident().hits() + " hits, " + x.incident().duplicates() + " repeats)";
            default -> e.kind() + " " + e.service();
        };
    }
}
