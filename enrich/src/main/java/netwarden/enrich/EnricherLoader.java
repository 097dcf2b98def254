package netwarden.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the data an {@link EnrichConfig} names and builds an {@link Enricher}, logging exactly one
 * line that says what was loaded, or that enrichment is off and how to turn it on. Files in the
 * default data directory are optional; files named explicitly must exist.
 */
public final class EnricherLoader {
    private static final Logger LOG = LoggerFactory.getLogger(EnricherLoader.class);

    private EnricherLoader() {}

    /**
     * Loads the data (the ASN CSVs take a second or two) and returns an enricher, not yet started.
     *
     * @throws IOException when an explicitly named file is missing or any file is malformed
     */
    public static Enricher open(EnrichConfig config) throws IOException {
        if (!config.enabled()) {
            LOG.info("GeoIP/ASN enrichment disabled by configuration");
            return Enricher.none();
        }
        AsnKinds kinds = AsnKinds.load(config.asnLists());
        Path countryFile = config.countryDb() != null ? required(config.countryDb(), "enrich.country-db")
                : optional(config.dataDir().resolve(GeoIpFiles.COUNTRY_MMDB));
        List<Path> asnFiles = new ArrayList<>();
        if (!config.asnCsv().isEmpty()) {
            for (Path p : config.asnCsv()) asnFiles.add(required(p, "enrich.asn-csv"));
        } else {
            for (String name : GeoIpFiles.ASN_CSVS) {
                Path p = optional(config.dataDir().resolve(name));
                if (p != null) asnFiles.add(p);
            }
        }
        MmdbCountryDb countries = countryFile == null ? null : MmdbCountryDb.open(countryFile);
        AsnTable asns = asnFiles.isEmpty() ? AsnTable.EMPTY : AsnCsv.read(asnFiles);
        LOG.info(describe(config, countries, asnFiles, asns, kinds));
        return new Enricher(countries, asns, kinds, config.cacheSize(), config.queueCapacity());
    }

    static String describe(EnrichConfig config, MmdbCountryDb countries, List<Path> asnFiles, AsnTable asns, AsnKinds kinds) {
        if (countries == null && asnFiles.isEmpty())
            return "GeoIP/ASN enrichment off: no data in " + config.dataDir()
                    + " (run 'netwarden geoip update' to fetch it); private ranges are still labelled";
        String country = countries == null ? "no country database (expected " + GeoIpFiles.COUNTRY_MMDB + ")"
                : "country from " + countries.file() + " (" + countries.databaseType() + ")";
        String asn = asnFiles.isEmpty() ? "no ASN data (expected " + String.join(", ", GeoIpFiles.ASN_CSVS) + ")"
                : asns.size() + " ASN ranges from " + asnFiles.size() + " file(s)";
        return "GeoIP/ASN enrichment on: " + country + "; " + asn + "; " + kinds.size() + " hosting/VPN ASNs listed";
    }

    private static Path required(Path p, String key) throws IOException {
        if (!Files.isRegularFile(p)) throw new IOException(key + ": file not found: " + p);
        return p;
    }

    private static Path optional(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}
