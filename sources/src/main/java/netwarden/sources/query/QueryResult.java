package netwarden.sources.query;

import java.util.List;
import java.util.Objects;

/**
 * One answer of a game server: what its server browser would show.
 *
 * @param service    the service this answer belongs to
 * @param atNanos    when the answer arrived (epoch nanoseconds, the injected clock)
 * @param rttNanos   request sent to answer complete (for A2S the info exchange, for Minecraft the status exchange)
 * @param players    players online as the server counts them (A2S and Minecraft report a count that may exceed
 *                   {@code playerList}: A2S lists only connected players, Minecraft only a sample)
 * @param bots       bots among {@code players} where the protocol says (A2S), else 0
 * @param maxPlayers the server's player slots
 * @param map        current map, null where the protocol has none (Minecraft)
 * @param name       server name (hostname / MOTD) with colour codes removed
 * @param version    game version where given, else null
 * @param playerList the players the server named
 */
public record QueryResult(String service, long atNanos, long rttNanos, int players, int bots, int maxPlayers,
                          String map, String name, String version, List<QueryPlayer> playerList) {
    public QueryResult {
        Objects.requireNonNull(service, "service");
        playerList = List.copyOf(playerList);
        if (players < 0 || maxPlayers < 0 || bots < 0) throw new IllegalArgumentException("negative player count");
    }

    public List<String> playerNames() {
        return playerList.stream().map(QueryPlayer::name).toList();
    }

    public double rttSeconds() { return rttNanos / 1e9; }

    /** What the codecs know; the poller adds service, time and rtt. */
    record Status(int players, int bots, int maxPlayers, String map, String name, String version, List<QueryPlayer> list) {
        QueryResult at(String service, long atNanos, long rttNanos) {
            return new QueryResult(service, atNanos, rttNanos, players, bots, maxPlayers, map, name, version, list);
        }
    }
}
