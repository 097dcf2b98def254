package netwarden.engine;

import java.time.Duration;
import netwarden.model.SettingException;

/**
 * Automatic service discovery, used when no services are configured (or when {@code always}).
 * An endpoint (destination address, protocol, port) becomes a service once it has received from
 * at least {@code minSources} distinct source addresses within {@code window}; packets sent by the
 * endpoint's own address never count. At most {@code maxServices} are discovered (later ones are
 * counted, not tracked) so a port scan cannot grow memory without bound.
 */
public record DiscoveryConfig(boolean enabled, int minSources, Duration window, int maxServices, int maxCandidates) {
    public DiscoveryConfig {
        if (minSources < 1) throw new SettingException("discovery.min-sources", minSources, "discovery.min-sources must be at least 1: " + minSources);
        PlayerConfig.requirePositiveSeconds("discovery.window", window);
        if (maxServices < 1) throw new SettingException("discovery.max-services", maxServices, "discovery.max-services must be at least 1: " + maxServices);
        if (maxCandidates < 1) throw new SettingException("discovery.max-candidates", maxCandidates, "discovery.max-candidates must be at least 1: " + maxCandidates);
    }

    public static DiscoveryConfig defaults() {
        return new DiscoveryConfig(true, 3, Duration.ofSeconds(60), 256, 65536);
    }
}
