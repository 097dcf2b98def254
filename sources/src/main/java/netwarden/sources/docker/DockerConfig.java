package netwarden.sources.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Docker discovery ({@code discovery.docker}). Validated here; messages start with the config key.
 *
 * @param socket         the Engine API's unix socket
 * @param labels         containers must carry all of these ({@code KEY} or {@code KEY=VALUE}); empty = all containers
 * @param id             where a service id comes from ({@link ServiceNaming})
 * @param name           where a service's display name comes from
 * @param portEnv        environment variable holding the game port (wins over published ports); null = none
 * @param portProtocol   protocol of the port from {@code portEnv}: udp or tcp
 * @param publishedPorts each published TCP/UDP port is a service when no env port is given
 * @param resync         full re-list this often as a fallback to the event stream (10 s .. 1 h)
 * @param timeout        one API request's time limit
 * @param backoffMin     first reconnect delay; doubles up to {@code backoffMax}
 * @param backoffMax     longest reconnect delay
 */
public record DockerConfig(Path socket, List<String> labels, ServiceNaming id, ServiceNaming name, String portEnv,
                           String portProtocol, boolean publishedPorts, Duration resync, Duration timeout,
                           Duration backoffMin, Duration backoffMax) {
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    public DockerConfig {
        Objects.requireNonNull(socket, "discovery.docker.socket");
        labels = List.copyOf(Objects.requireNonNull(labels, "discovery.docker.labels"));
        for (String l : labels)
            if (l == null || l.isBlank() || l.startsWith("="))
                throw new IllegalArgumentException("discovery.docker.labels: not KEY or KEY=VALUE: '" + l + "'");
        Objects.requireNonNull(id, "discovery.docker.id");
        Objects.requireNonNull(name, "discovery.docker.name");
        if (portEnv != null && portEnv.isBlank()) portEnv = null;
        if (!"udp".equals(portProtocol) && !"tcp".equals(portProtocol))
            throw new IllegalArgumentException("discovery.docker.port-protocol must be udp or tcp: " + portProtocol);
        if (portEnv == null && !publishedPorts)
            throw new IllegalArgumentException("discovery.docker: with published-ports off, port-env must name the game port variable");
        if (resync.compareTo(Duration.ofSeconds(10)) < 0 || resync.compareTo(Duration.ofHours(1)) > 0)
            throw new IllegalArgumentException("discovery.docker.resync must be 10s..1h: " + resync);
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("discovery.docker.timeout must be 100ms..1m: " + timeout);
        if (backoffMin.isNegative() || backoffMin.isZero() || backoffMax.compareTo(backoffMin) < 0)
            throw new IllegalArgumentException("discovery.docker.backoff must be positive and min <= max: " + backoffMin + ".." + backoffMax);
    }

    /** All containers, ids and names from the container name, GAME_PORT (udp) else published ports, 60 s resync. */
    public static DockerConfig defaults() {
        return new DockerConfig(DEFAULT_SOCKET, List.of(), ServiceNaming.NAME, ServiceNaming.NAME, "GAME_PORT", "udp", true,
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public DockerConfig withSocket(Path s) {
        return new DockerConfig(s, labels, id, name, portEnv, portProtocol, publishedPorts, resync, timeout, backoffMin, backoffMax);
    }

    public DockerConfig withLabels(List<String> l) {
        return new DockerConfig(socket, l, id, name, portEnv, portProtocol, publishedPorts, resync, timeout, backoffMin, backoffMax);
    }

    public DockerConfig withNaming(ServiceNaming newId, ServiceNaming newName) {
        return new DockerConfig(socket, labels, newId, newName, portEnv, portProtocol, publishedPorts, resync, timeout, backoffMin, backoffMax);
    }

    public DockerConfig withBackoff(Duration min, Duration max) {
        return new DockerConfig(socket, labels, id, name, portEnv, portProtocol, publishedPorts, resync, timeout, min, max);
    }
}
