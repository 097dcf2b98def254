package netwarden.app.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code netwarden server} adds to the config's http, api, notify and enrich sections.
 *
 * @param storeUrl   "" for the embedded store in the state dir, or {@code postgresql://user:password@host:port/db}
 * @param agentsFile the agents and their token hashes ({@link AgentsFile})
 * @param kafka      bootstrap servers to consume from (with HTTPS ingest), or null
 * @param staleAfter an agent without a batch or heartbeat this long is stale
 * @param fleetHosts distinct hosts (agents) or servers an address must reach for a fleet rule to fire
 * @param fleetWindow how far back the fleet rules look
 * @param groupRows  most rows the ledger writes in one transaction
 */
public record ServerSettings(String storeUrl, Path agentsFile, String kafka, String kafkaTopic, String kafkaGroup,
                             Duration staleAfter, int fleetHosts, Duration fleetWindow, int groupRows) {
    public static final Duration STALE_AFTER = Duration.ofSeconds(90);

    public ServerSettings {
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(agentsFile, "agentsFile");
        if (staleAfter.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("--stale-after must be at least 1s: " + staleAfter);
        if (fleetHosts < 2 || fleetHosts > 1000) throw new IllegalArgumentException("--fleet-hosts must be 2..1000: " + fleetHosts);
        if (fleetWindow.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("--fleet-window must be at least 1m: " + fleetWindow);
        if (groupRows < 1) throw new IllegalArgumentException("groupRows must be positive: " + groupRows);
    }
}
