package netwarden.sources.docker;

import java.util.Objects;

/**
 * A game service found in a running container: one port on the host.
 *
 * @param id            service id (from the naming rule; {@code <base>-<proto>-<port>} when a container has several ports)
 * @param name          display name
 * @param containerId   the full container id
 * @param containerName the container's name without the leading slash
 * @param protocol      {@code udp} or {@code tcp}
 * @param port          the host port the game's traffic arrives on
 * @param portSource    where the port came from: {@code env:<VAR>} or {@code published}
 */
public record ContainerService(String id, String name, String containerId, String containerName, String protocol, int port,
                               String portSource) {
    public ContainerService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(containerId, "containerId");
        if (!protocol.equals("udp") && !protocol.equals("tcp")) throw new IllegalArgumentException("protocol must be udp or tcp: " + protocol);
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
}
