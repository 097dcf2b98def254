package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.testkit.TinyMmdbWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnricherLoaderTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyDataDirectoryMeansNoEnrichmentAndOneLineSaysHowToFixIt() throws IOException {
        try (Enricher e = EnricherLoader.open(EnrichConfig.defaults(dir))) {
            assertThat(e.available()).isFalse();
            assertThat(e.lookup(Ip.parse("8.8.8.8"))).isSameAs(Enrichment.UNAVAILABLE);
        }
        String line = EnricherLoader.describe(EnrichConfig.defaults(dir), null, List.of(), AsnTable.EMPTY, AsnKinds.builtIn());
        assertThat(line).contains("enrichment off", dir.toString(), "netwarden geoip update").doesNotContain("\n");
    }

    @Test
    void loadsWhatTheDataDirectoryHolds() throws Exception {
        new TinyMmdbWriter("country ipvAll").insert("8.8.8.0/24", Map.of("country_code", "US")).write(dir.resolve(GeoIpFiles.COUNTRY_MMDB));
        Files.writeString(dir.resolve(GeoIpFiles.ASN_V4_CSV), "8.8.8.0,8.8.8.255,15169,Google LLC\n");
        try (Enricher e = EnricherLoader.open(EnrichConfig.defaults(dir))) {
            e.start();
            Enrichment r = EnricherTest.await(e, Ip.parse("8.8.8.8"));
            assertThat(r.country()).isEqualTo("US");
            assertThat(r.asn()).isEqualTo(15169);
        }
    }

    @Test
    void explicitlyNamedFilesMustExist() {
        EnrichConfig c = EnrichConfig.defaults(dir).withCountryDb(dir.resolve("GeoLite2-Country.mmdb"));
        assertThatThrownBy(() -> EnricherLoader.open(c)).isInstanceOf(IOException.class)
                .hasMessageContaining("enrich.country-db: file not found").hasMessageContaining("GeoLite2-Country.mmdb");
        EnrichConfig a = EnrichConfig.defaults(dir).withAsnCsv(List.of(dir.resolve("asn.csv")));
        assertThatThrownBy(() -> EnricherLoader.open(a)).hasMessageContaining("enrich.asn-csv: file not found");
    }

    @Test
    void configValidationNamesFieldAndValue() {
        assertThatThrownBy(() -> new EnrichConfig(true, dir, null, List.of(), List.of(), 8, 10))
                .hasMessage("enrich.cache-size must be 16..67108864: 8");
        assertThatThrownBy(() -> new EnrichConfig(true, dir, null, List.of(), List.of(), 1024, 0))
                .hasMessage("enrich.queue-capacity must be 1..1048576: 0");
        assertThat(EnrichConfig.defaultDataDir(Map.of("XDG_CACHE_HOME", "/var/cache/x"), "/home/u"))
                .isEqualTo(Path.of("/var/cache/x/netwarden/geoip"));
        assertThat(EnrichConfig.defaultDataDir(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/netwarden/geoip"));
    }
}
