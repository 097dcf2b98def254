package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.testkit.TinyMmdbWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmdbCountryDbTest {
    @TempDir
    Path dir;

    @Test
    void readsIpLocationDbStyleCountryCodes() throws IOException {
        Path file = dir.resolve("country.mmdb");
        new TinyMmdbWriter("country ipvAll")
                .insert("1.1.1.0/24", Map.of("country_code", "AU"))
                .insert("8.8.0.0/15", Map.of("country_code", "US"))
                .insert("2606:4700::/32", Map.of("country_code", "us"))
                .write(file);
        try (MmdbCountryDb db = MmdbCountryDb.open(file)) {
            assertThat(db.databaseType()).isEqualTo("country ipvAll");
            assertThat(db.country(Ip.parse("1.1.1.1"))).isEqualTo("AU");
            assertThat(db.country(Ip.parse("8.8.8.8"))).isEqualTo("US");
            assertThat(db.country(Ip.parse("8.9.255.255"))).isEqualTo("US");
            assertThat(db.country(Ip.parse("8.10.0.0"))).isNull();
            assertThat(db.country(Ip.parse("2606:4700:4700::1111"))).isEqualTo("US");
            assertThat(db.country(Ip.parse("2001:4860::8888"))).isNull();
        }
    }

    @Test
    void readsMaxMindStyleCountryAndFallsBackToRegisteredCountry() throws IOException {
        Path file = dir.resolve("city.mmdb");
        new TinyMmdbWriter("GeoLite2-City")
                .insert("81.2.69.0/24", Map.of("country", Map.of("iso_code", "GB"), "city", Map.of("geoname_id", 1)))
                .insert("2a02:cf40::/29", Map.of("registered_country", Map.of("iso_code", "NO")))
                .insert("192.0.2.0/24", Map.of("country", Map.of("iso_code", "not a code")))
                .write(file);
        try (MmdbCountryDb db = MmdbCountryDb.open(file)) {
            assertThat(db.country(Ip.parse("81.2.69.142"))).isEqualTo("GB");
            assertThat(db.country(Ip.parse("2a02:cf40::1"))).isEqualTo("NO");
            assertThat(db.country(Ip.parse("192.0.2.1"))).isNull();
        }
    }

    @Test
    void rejectsFilesThatAreNotMmdb() throws IOException {
        Path file = dir.resolve("bogus.mmdb");
        Files.writeString(file, "this is not a MaxMind database");
        assertThatThrownBy(() -> MmdbCountryDb.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open country database").hasMessageContaining("bogus.mmdb");
        assertThatThrownBy(() -> MmdbCountryDb.open(dir.resolve("absent.mmdb"))).isInstanceOf(IOException.class)
                .hasMessageContaining("absent.mmdb");
    }
}
