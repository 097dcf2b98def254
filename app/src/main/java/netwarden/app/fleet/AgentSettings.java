package netwarden.app.fleet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code netwarden agent} ships and how.
 *
 * @param server        the central server's base URL (https, or http on loopback)
 * @param agentId       this agent's id, 1..64 of [A-Za-z0-9._-]
 * @param token         the agent's token (from --token-file or NETWARDEN_AGENT_TOKEN); null only with Kafka
 * @param spoolDir      the on-disk spool (0700, files 0600)
 * @param spoolMaxBytes the spool's bound; past it the oldest raw rows are evicted and counted
 * @param kafka         Kafka bootstrap servers to produce to instead of HTTPS, or null
 * @param kafkaTopic    the topic for Kafka
 * @param heartbeat     how often a heartbeat row is shipped (the server calls an agent stale after 90 s without one)
 * @param caFile        PEM CA the server's certificate must chain to (null: the JDK's trust store)
 * @param clientCert    PEM client certificate for mTLS, or null (with {@code clientKey})
 * @param clientKey     its PEM key
 * @param localStore    also keep the local store (and its history API)
 * @param drainOnClose  how long stopping waits for the server to acknowledge what is spooled (the rest ships at the next start)
 */
public record AgentSettings(URI server, String agentId, String token, Path spoolDir, long spoolMaxBytes, String kafka,
                            String kafkaTopic, Duration heartbeat, Path caFile, Path clientCert, Path clientKey, boolean localStore,
                            Duration drainOnClose) {
    public static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(5);

    public static final String TOKEN_ENV = "NETWARDEN_AGENT_TOKEN";
    public static final String DEFAULT_TOPIC = "netwarden.batches";

    public AgentSettings {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if ((clientCert == null) != (clientKey == null)) throw new IllegalArgumentException("--client-cert and --client-key go together");
        if (heartbeat.compareTo(Duration.ofMillis(100)) < 0 || heartbeat.compareTo(Duration.ofSeconds(60)) > 0)
            throw new IllegalArgumentException("--heartbeat must be between 100ms and 60s: " + heartbeat);
    }
}
