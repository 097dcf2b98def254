package netwarden.sources.query;

import java.time.Duration;
import java.util.Objects;

/**
 * One service's game query ({@code services[].query} with its interval and timeout). Validated here;
 * messages start with the config key.
 *
 * @param service  the service id the answers belong to
 * @param protocol quake3, a2s or minecraft
 * @param host     the game server's address or name (queries go there, never elsewhere)
 * @param port     its query port (the game port for all three protocols unless the server moved it)
 * @param interval time between polls (1 s .. 1 h); a poll without an answer within {@code timeout} is a miss
 * @param timeout  how long one poll waits for its whole answer (100 ms .. interval)
 */
public record QueryConfig(String service, QueryProtocol protocol, String host, int port, Duration interval, Duration timeout) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public QueryConfig {
        if (service == null || service.isBlank()) throw new IllegalArgumentException("services[].id is required for a query");
        Objects.requireNonNull(protocol, "services[" + service + "].query");
        if (host == null || host.isBlank()) throw new IllegalArgumentException("services[" + service + "].query-host is required");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("services[" + service + "].query-port must be 1..65535: " + port);
        Objects.requireNonNull(interval, "services[" + service + "].query-interval");
        Objects.requireNonNull(timeout, "services[" + service + "].query-timeout");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0)
            throw new IllegalArgumentException("services[" + service + "].query-interval must be 1s..1h: " + interval);
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(interval) > 0)
            throw new IllegalArgumentException("services[" + service + "].query-timeout must be 100ms..query-interval (" + interval + "): " + timeout);
    }

    /** The default interval (10 s) and timeout (2 s). */
    public static QueryConfig defaults(String service, QueryProtocol protocol, String host, int port) {
        return new QueryConfig(service, protocol, host, port, DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
    }

    public QueryConfig withTiming(Duration newInterval, Duration newTimeout) {
        return new QueryConfig(service, protocol, host, port, newInterval, newTimeout);
    }
}
