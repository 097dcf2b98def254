package netwarden.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the game servers themselves say, joined with the engine's snapshot at serve time: the latest
 * query answer per service, and player names the players log or the query tied to an address.
 * Immutable; replaced whole when something changes.
 *
 * @param queries     by service id, for services with a query
 * @param playerNames by service id, then player address: the name the log gave that address
 */
public record GameView(Map<String, Query> queries, Map<String, Map<Ip, String>> playerNames) {
    public static final GameView EMPTY = new GameView(Map.of(), Map.of());

    public GameView {
        queries = Map.copyOf(queries);
        playerNames = Map.copyOf(playerNames);
    }

    /** The name known for this player of this service, or null. */
    public String playerName(String service, Ip address) {
        Map<Ip, String> names = playerNames.get(service);
        return names == null ? null : names.get(address);
    }

    /**
     * One service's query state.
     *
     * @param up          the last poll was answered
     * @param players     players the server reports in its last answer (-1 before any answer)
     * @param rttNanos    the last answer's round trip (-1 before any)
     * @param atNanos     when the last answer came (0 before any)
     */
    public record Query(String protocol, boolean up, int players, int maxPlayers, String map, String name, long rttNanos,
                        List<String> playerNames, long atNanos) {
        public Query {
            Objects.requireNonNull(protocol, "protocol");
            playerNames = List.copyOf(playerNames);
        }
    }
}
