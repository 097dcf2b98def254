package netwarden.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import netwarden.engine.router.RouterRule;
import netwarden.engine.router.ScoringConfig;
import netwarden.sources.router.RouterConfig;

/**
 * The router profile as {@code run} uses it ({@code router:}; docs/router.md): the sources, the device table's
 * size, the DNS tail's bookmark, poll interval and address map, anomaly scoring (null when off), how long a
 * device's incident stays open without hits, and the rules written in the file (more are added through the API).
 */
public record RouterSettings(RouterConfig sources, int devices, Path dnsBookmark, Duration dnsPoll, int domainMapSize,
                             Duration domainMapTtl, ScoringConfig scoring, Duration incidentQuiet, List<RouterRule> rules) {
    public static final int DEFAULT_DEVICES = 4096, DEFAULT_MAP_SIZE = 100_000;
    public static final Duration DEFAULT_DNS_POLL = Duration.ofSeconds(1), DEFAULT_MAP_TTL = Duration.ofHours(1),
            DEFAULT_INCIDENT_QUIET = Duration.ofMinutes(15);

    public RouterSettings {
        Objects.requireNonNull(sources, "router sources");
        rules = List.copyOf(rules);
        if (devices < 1 || devices > 1_000_000) throw new IllegalArgumentException("router.devices must be 1..1000000: " + devices);
        if (domainMapSize < 1 || domainMapSize > 10_000_000)
            throw new IllegalArgumentException("router.dns.map-size must be 1..10000000: " + domainMapSize);
        if (!domainMapTtl.isPositive()) throw new IllegalArgumentException("router.dns.map-ttl must be positive: " + domainMapTtl);
        if (!dnsPoll.isPositive()) throw new IllegalArgumentException("router.dns.poll-interval must be positive: " + dnsPoll);
        if (!incidentQuiet.isPositive()) throw new IllegalArgumentException("router.anomalies.incident-quiet must be positive: " + incidentQuiet);
        if (sources.lan().isEmpty()) throw new IllegalArgumentException("router.lan needs at least one prefix: the devices live there");
    }
}
