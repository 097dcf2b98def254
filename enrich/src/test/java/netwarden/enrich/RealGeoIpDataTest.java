package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netwarden.model.Ip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Against the real data fetched by {@code netwarden geoip update}: system property
 * {@code netwarden.geoip.dir}, else {@code ~/.cache/netwarden/geoip}. Skipped when absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealGeoIpDataTest {
    private Enricher enricher;

    @BeforeAll
    void open() throws IOException {
        String prop = System.getProperty("netwarden.geoip.dir");
        Path dir = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".cache", "netwarden", "geoip");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(GeoIpFiles.COUNTRY_MMDB)) && Files.isRegularFile(dir.resolve(GeoIpFiles.ASN_V4_CSV)),
                "GeoIP data absent in " + dir + ": run 'netwarden geoip update' (or set -Dnetwarden.geoip.dir)");
        enricher = EnricherLoader.open(EnrichConfig.defaults(dir));
    }

    @Test
    void cloudflareDns() {
        Enrichment e = enricher.resolve(Ip.parse("1.1.1.1"));
        assertThat(e.country()).isIn("AU", "US"); // registered to APNIC in Australia; some databases say US
        assertThat(e.asn()).isEqualTo(13335);
        assertThat(e.org()).containsIgnoringCase("cloudflare");
        assertThat(e.network()).isEqualTo(NetworkKind.HOSTING);
    }

    @Test
    void googleDns() {
        Enrichment v4 = enricher.resolve(Ip.parse("8.8.8.8"));
        assertThat(v4.country()).isEqualTo("US");
        assertThat(v4.asn()).isEqualTo(15169);
        assertThat(v4.org()).containsIgnoringCase("google");
        Enrichment v6 = enricher.resolve(Ip.parse("2001:4860:4860::8888"));
        assertThat(v6.country()).isEqualTo("US");
        assertThat(v6.asn()).isEqualTo(15169);
    }

    @Test
    void privateAddressesAreNotLookedUp() {
        assertThat(enricher.resolve(Ip.parse("10.0.0.1")).label()).isEqualTo("private");
        assertThat(enricher.available()).isTrue();
    }
}
