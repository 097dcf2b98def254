package netwarden.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import netwarden.model.GameView;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;

/**
 * Adds what the game servers say to {@link SnapshotJson}'s objects: a service's {@code query} block
 * ({@code up, players, max_players, map, name, rtt_ms, player_names}) beside the traffic's
 * {@code players_now}, with a {@code players_note} explaining a difference; a player's {@code name}.
 * Services without a query and players without a known name get no extra keys.
 */
public final class GameJson {
    private GameJson() {}

    public static ObjectNode service(ObjectNode n, ServiceSnapshot s, GameView games) {
        GameView.Query q = games.queries().get(s.id());
        if (q == null) return n;
        ObjectNode o = n.putObject("query");
        o.put("protocol", q.protocol());
        o.put("up", q.up());
        if (q.atNanos() == 0) {
            o.putNull("players").putNull("max_players").putNull("map").putNull("name").putNull("rtt_ms");
            o.putArray("player_names");
        } else {
            o.put("players", q.players()).put("max_players", q.maxPlayers()).put("map", q.map()).put("name", q.name());
            o.put("rtt_ms", BigDecimal.valueOf(q.rttNanos()).divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP));
            ArrayNode names = o.putArray("player_names");
            q.playerNames().forEach(names::add);
            o.put("answered_at", SnapshotJson.seconds(q.atNanos()));
        }
        n.put("players_note", note(q, s.playersNow()));
        return n;
    }

    /** Why the query's and the traffic's player counts differ (or that they agree). */
    static String note(GameView.Query q, int traffic) {
        if (q.atNanos() == 0 || !q.up()) return "the server does not answer its query; players are from traffic only";
        if (q.players() == traffic) return "query and traffic agree";
        if (q.players() > traffic) return "the server counts more players than traffic shows: bots, or players behind a NAT or relay sharing an address";
        return "traffic shows more players than the server counts: spoofed sources, or players that left and are not yet timed out";
    }

    public static ObjectNode player(ObjectNode n, PlayerSnapshot p, GameView games) {
        String name = games.playerName(p.service(), p.address());
        if (name != null) n.put("name", name);
        return n;
    }
}
