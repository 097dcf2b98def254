package netwarden.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.engine.detect.DetectionConfig;
import netwarden.model.ServiceSpec;
import netwarden.model.SettingException;

/**
 * Everything the engine needs. {@code flowCapacity} bounds the per-(service, source) table; when
 * full, the least recently seen entry is evicted and counted (never silently).
 */
public record EngineConfig(List<ServiceSpec> services, DiscoveryConfig discovery, PlayerConfig players,
                           WindowConfig windows, int flowCapacity, DetectionConfig detection) {
    public EngineConfig {
        services = List.copyOf(Objects.requireNonNull(services, "services"));
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(players, "players");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(detection, "detection");
        if (flowCapacity < 16) throw new SettingException("flows.capacity", flowCapacity, "flows.capacity must be at least 16: " + flowCapacity);
        var names = new HashSet<String>();
        var keys = new HashSet<Object>();
        for (ServiceSpec s : services) {
            if (!names.add(s.name())) throw new SettingException("services", s.name(), "duplicate service name: " + s.name());
            if (!keys.add(s.key())) throw new SettingException("services", s.key(), "duplicate service: " + s.key() + " (" + s.name() + ")");
        }
    }

    /** A configuration with default detection. */
    public EngineConfig(List<ServiceSpec> services, DiscoveryConfig discovery, PlayerConfig players, WindowConfig windows, int flowCapacity) {
        this(services, discovery, players, windows, flowCapacity, DetectionConfig.defaults());
    }

    public static EngineConfig defaults() {
        return new EngineConfig(List.of(), DiscoveryConfig.defaults(), PlayerConfig.defaults(), WindowConfig.defaults(), 200_000);
    }

    public EngineConfig withDetection(DetectionConfig d) {
        return new EngineConfig(services, discovery, players, windows, flowCapacity, d);
    }

    /** Discovery runs when enabled and nothing is configured. */
    public boolean discovers() {
        return discovery.enabled() && services.isEmpty();
    }
}
