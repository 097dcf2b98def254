package netwarden.app.config;

import java.util.List;
import java.util.Objects;
import netwarden.model.Ip;
import netwarden.sources.docker.DockerConfig;
import netwarden.sources.gamelog.GameLogConfig;
import netwarden.sources.query.QueryConfig;

/**
 * What {@code run} learns from the game servers themselves (docs/game-servers.md): one query per
 * service with {@code services[].query}, Docker discovery ({@code discovery.docker}, null = off) and
 * the players log tail ({@code sources.gamelog}, null = off).
 *
 * @param queries        one per configured service with a query, in file order
 * @param docker         Docker discovery, or null when off
 * @param dockerAddress  the host address discovered services' traffic arrives at (null when Docker is off)
 * @param gamelog        the log tail, or null when off
 * @param gamelogService the service the log's events belong to; null = the server name the log writes
 */
public record GameSettings(List<QueryConfig> queries, DockerConfig docker, Ip dockerAddress, GameLogConfig gamelog, String gamelogService) {
    public static final GameSettings NONE = new GameSettings(List.of(), null, null, null, null);

    public GameSettings {
        queries = List.copyOf(Objects.requireNonNull(queries, "services[].query"));
        if (docker != null && dockerAddress == null) throw new IllegalArgumentException("discovery.docker.address is required");
    }

    public boolean any() {
        return !queries.isEmpty() || docker != null || gamelog != null;
    }
}
