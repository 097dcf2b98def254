package netwarden.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.engine.detect.DetectionConfig;
import netwarden.model.ServiceSpec;
import netwarden.model.SettingException;

/**
 * Everything the engine needs. {@code flowCapacity} bounds the per-(service, source) table; when
 * full, the least recently seen entry is evicted and counted (never silently). {@code shards}: how
 * many engines share the work ({@link ShardedEngine}; 1 is one engine on one thread).
 */
public record EngineConfig(List<ServiceSpec> services, DiscoveryConfig discovery, PlayerConfig players,
                           WindowConfig windows, int flowCapacity, DetectionConfig detection, int shards) {
    /** Most shards allowed: each is a thread and a set of tables. */
    public static final int MAX_SHARDS = 64;

    public EngineConfig {
        if (shards < 1 || shards > MAX_SHARDS)
            throw new SettingException("engine.shards", shards, "engine.shards must be 1.." + MAX_SHARDS + ": " + shards);
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

    /** A configuration with the default number of shards. */
    public EngineConfig(List<ServiceSpec> services, DiscoveryConfig discovery, PlayerConfig players, WindowConfig windows, int flowCapacity,
                        DetectionConfig detection) {
        this(services, discovery, players, windows, flowCapacity, detection, defaultShards());
    }

    /**
     * One engine: sharding is opt-in ({@code engine.shards}) until its results again equal one engine's
     * exactly. Since the attack-report work (issue 14) two things are per shard where one engine has them
     * once: the ring of recent packets that seeds an incident's first sources, and the measured input span
     * (first and last packet) that every rate divides by; a shard sees only its destinations' packets, so
     * incident source counts and rates at the edges of the input can differ. See docs/config.md.
     */
    public static int defaultShards() {
        return 1;
    }

    /** A configuration with default detection. */
    public EngineConfig(List<ServiceSpec> services, DiscoveryConfig discovery, PlayerConfig players, WindowConfig windows, int flowCapacity) {
        this(services, discovery, players, windows, flowCapacity, DetectionConfig.defaults());
    }

    public static EngineConfig defaults() {
        return new EngineConfig(List.of(), DiscoveryConfig.defaults(), PlayerConfig.defaults(), WindowConfig.defaults(), 200_000);
    }

    public EngineConfig withDetection(DetectionConfig d) {
        return new EngineConfig(services, discovery, players, windows, flowCapacity, d, shards);
    }

    public EngineConfig withShards(int n) {
        return new EngineConfig(services, discovery, players, windows, flowCapacity, detection, n);
    }

    /** Discovery runs when enabled and nothing is configured. */
    public boolean discovers() {
        return discovery.enabled() && services.isEmpty();
    }
}
