package netwarden.app.notify;

import java.nio.file.Path;
import java.util.Map;
import netwarden.enrich.EnrichConfig;
import netwarden.model.SettingException;

/**
 * The {@code enrich:} section: the GeoIP/ASN data and the returning-player store.
 *
 * @param returningStore directory of the returning-player store, or null when turned off
 * @param returningMax   addresses the store remembers at most
 */
public record EnrichSettings(EnrichConfig enrich, Path returningStore, int returningMax) {
    /** Name of the store's directory inside the state directory. */
    public static final String RETURNING_DIR = "returning";
    public static final int DEFAULT_RETURNING_MAX = 5_000_000;

    public EnrichSettings {
        if (enrich == null) throw new SettingException("enrich", null, "enrich must be set");
        if (returningMax < 1) throw new SettingException("enrich.returning-max", returningMax, "enrich.returning-max must be positive: " + returningMax);
    }

    /**
     * Data in {@code $XDG_CACHE_HOME/netwarden/geoip} (else {@code <userHome>/.cache/...}); the store in
     * {@code <stateDir>/returning}, 5 M addresses (40 MB).
     */
    public static EnrichSettings defaults(Map<String, String> environment, String userHome, Path stateDir) {
        return new EnrichSettings(EnrichConfig.defaults(EnrichConfig.defaultDataDir(environment, userHome)),
                stateDir.resolve(RETURNING_DIR), DEFAULT_RETURNING_MAX);
    }

    public EnrichSettings withReturningStore(Path dir) {
        return new EnrichSettings(enrich, dir, returningMax);
    }
}
