package netwarden.ship.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link HttpShipper}.
 *
 * @param server         the central server's base URL: {@code https://host:port}, or {@code http://} to a loopback address only
 * @param token          the agent's bearer token (from config or {@code NETWARDEN_AGENT_TOKEN}); null when mTLS alone identifies it
 * @param initialBackoff first wait after a failure (1 ms..1 min)
 * @param maxBackoff     longest wait between tries (initialBackoff..1 h); tries go on forever
 * @param timeout        per request (1 s..10 min)
 * @param idlePoll       how often to look for new batches when the spool is drained (1 ms..10 s)
 */
public record ShipperConfig(URI server, String token, Duration initialBackoff, Duration maxBackoff, Duration timeout, Duration idlePoll) {
    public ShipperConfig {
        Objects.requireNonNull(server, "server");
        String scheme = server.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) throw new IllegalArgumentException("server must be an https:// URL: " + server);
        if (server.getHost() == null) throw new IllegalArgumentException("server has no host: " + server);
        if ("http".equals(scheme) && !loopback(server.getHost()))
            throw new IllegalArgumentException("server must use https:// unless it is on loopback: " + server);
        if (token != null && (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c > '~')))
            throw new IllegalArgumentException("token must be at least 16 printable characters without spaces");
        range("initialBackoff", initialBackoff, Duration.ofMillis(1), Duration.ofMinutes(1));
        range("maxBackoff", maxBackoff, initialBackoff, Duration.ofHours(1));
        range("timeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
        range("idlePoll", idlePoll, Duration.ofMillis(1), Duration.ofSeconds(10));
    }

    public static ShipperConfig defaults(URI server, String token) {
        return new ShipperConfig(server, token, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    public ShipperConfig withBackoff(Duration initial, Duration max) {
        return new ShipperConfig(server, token, initial, max, timeout, idlePoll);
    }

    private static void range(String name, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + d);
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost")) return true;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false; // a name other than localhost: no lookup here
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
