package netwarden.enrich;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Where enrichment data lives and how much of it to cache.
 *
 * @param enabled       false turns enrichment off entirely (every lookup answers UNAVAILABLE)
 * @param dataDir       directory {@code netwarden geoip update} fills; its files are optional
 * @param countryDb     an MMDB country or city database; null means {@code dataDir/}{@value GeoIpFiles#COUNTRY_MMDB}.
 *                      A file named here must exist.
 * @param asnCsv        ASN range CSVs; empty means {@code dataDir/asn-ipv4.csv} and {@code asn-ipv6.csv}.
 *                      Files named here must exist.
 * @param asnLists      user files of hosting/VPN/proxy ASNs read after the built-in list
 * @param cacheSize     addresses kept in the lookup cache
 * @param queueCapacity addresses waiting for the resolver thread; more misses are dropped and counted
 */
public record EnrichConfig(boolean enabled, Path dataDir, Path countryDb, List<Path> asnCsv, List<Path> asnLists,
                           int cacheSize, int queueCapacity) {
    public EnrichConfig {
        Objects.requireNonNull(dataDir, "enrich.data-dir");
        asnCsv = List.copyOf(asnCsv);
        asnLists = List.copyOf(asnLists);
        if (cacheSize < 16 || cacheSize > 1 << 26)
            throw new SettingException("enrich.cache-size", cacheSize, "enrich.cache-size must be 16..67108864: " + cacheSize);
        if (queueCapacity < 1 || queueCapacity > 1 << 20)
            throw new SettingException("enrich.queue-capacity", queueCapacity, "enrich.queue-capacity must be 1..1048576: " + queueCapacity);
    }

    /** Enabled, reading {@code dataDir}, 65536 cached addresses, 4096 queued misses. */
    public static EnrichConfig defaults(Path dataDir) {
        return new EnrichConfig(true, dataDir, null, List.of(), List.of(), 65_536, 4096);
    }

    /** The default data directory: {@code $XDG_CACHE_HOME/netwarden/geoip}, else {@code ~/.cache/netwarden/geoip}. */
    public static Path defaultDataDir(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("netwarden").resolve("geoip");
    }

    public EnrichConfig withDataDir(Path dir) {
        return new EnrichConfig(enabled, dir, countryDb, asnCsv, asnLists, cacheSize, queueCapacity);
    }

    public EnrichConfig withCountryDb(Path file) {
        return new EnrichConfig(enabled, dataDir, file, asnCsv, asnLists, cacheSize, queueCapacity);
    }

    public EnrichConfig withAsnCsv(List<Path> files) {
        return new EnrichConfig(enabled, dataDir, countryDb, files, asnLists, cacheSize, queueCapacity);
    }

    public EnrichConfig withAsnLists(List<Path> files) {
        return new EnrichConfig(enabled, dataDir, countryDb, asnCsv, files, cacheSize, queueCapacity);
    }
}
