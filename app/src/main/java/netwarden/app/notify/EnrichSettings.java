package netwarden.app.notify;

import java.nio.file.Path;
import java.util.Map;
import netwarden.sinks.enrich.EnrichConfig;

/**
 * The {@code enrich:} section: the GeoIP/ASN data and the returning-player store.
 *
 * @param returningStore directory of the returning-player store, or null when turned off
 * @param returningMax   addresses the store remembers at most
 */
public record EnrichSettings(EnrichConfig enrich, Path returningStore, int returningMax) {
    public EnrichSettings {
        if (returningMax < 1) throw new IllegalArgumentException("enrich.returning-max must be positive: " + returningMax);
    }

    /**
     * Data in {@code $XDG_CACHE_HOME/netwarden/geoip} (else {@code ~/.cache/...}); the store in
     * {@code $XDG_STATE_HOME/netwarden/returning} (else {@code ~/.local/state/...}), 5 M addresses (40 MB).
     */
    public static EnrichSettings defaults(Map<String, String> environment, String userHome) {
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(userHome, ".local", "state");
        return new EnrichSettings(EnrichConfig.defaults(EnrichConfig.defaultDataDir(environment, userHome)),
                base.resolve("netwarden").resolve("returning"), 5_000_000);
    }
}
