package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the updater with a stand-in npm (a bash script that builds real .tgz files with tar). */
class GeoIpUpdaterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path fakeNpm(String body) throws IOException {
        Path npm = tmp.resolve("npm");
        Files.writeString(npm, "#!/bin/bash\nset -e\n" + body);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
        return npm;
    }

    private static final String PACKER = """
            [ "$1" = pack ] || { echo "npm error unexpected $1" >&2; exit 2; }
            pkg="$2"; dest="$4"; [ "$3" = --pack-destination ] && [ "$5" = --json ] || exit 3
            work=$(mktemp -d); mkdir -p "$work/package/sub"
            echo '{"name":"'"$pkg"'","version":"2.3.1","license":"CC0-1.0","repository":{"url":"git+https://example.org/ip-location-db.git"}}' > "$work/package/package.json"
            case "$pkg" in
              @ip-location-db/geo-whois-asn-country-mmdb) printf 'MMDB-BYTES' > "$work/package/geo-whois-asn-country.mmdb"
                 echo "NRO licence text" > "$work/package/NRO_LICENSE" ;;
              @ip-location-db/asn) echo "1.0.0.0,1.0.0.255,13335,Cloudflare" > "$work/package/asn-ipv4.csv"
                 echo "2606:4700::,2606:4700::ffff,13335,Cloudflare" > "$work/package/asn-ipv6.csv"
                 echo "DB-IP licence" > "$work/package/DBIP-LICENSE"; echo "nested" > "$work/package/sub/asn-ipv4.csv" ;;
              *) echo "npm error 404 Not Found - $pkg" >&2; exit 1 ;;
            esac
            name=$(echo "$pkg" | tr -d @ | tr / -)-2.3.1.tgz
            tar -C "$work" -czf "$dest/$name" package
            echo "[{\\"filename\\": \\"$name\\"}]"
            """;

    @Test
    void fetchesBothPackagesAndWritesTheAttribution() throws IOException {
        Path npm = fakeNpm(PACKER);
        Path dir = tmp.resolve("data");
        List<GeoIpUpdater.Fetched> got = new GeoIpUpdater(List.of(npm.toString()), Duration.ofSeconds(30), CLOCK).update(dir);
        assertThat(got).extracting(GeoIpUpdater.Fetched::pkg).containsExactly(GeoIpFiles.COUNTRY_PACKAGE, GeoIpFiles.ASN_PACKAGE);
        assertThat(got.getFirst().version()).isEqualTo("2.3.1");
        assertThat(Files.readString(dir.resolve(GeoIpFiles.COUNTRY_MMDB))).isEqualTo("MMDB-BYTES");
        assertThat(Files.readString(dir.resolve(GeoIpFiles.ASN_V4_CSV))).startsWith("1.0.0.0,1.0.0.255,13335"); // not the nested copy
        assertThat(Files.readString(dir.resolve(GeoIpFiles.ASN_V6_CSV))).startsWith("2606:4700::");
        assertThat(dir.resolve("licenses/ip-location-db-asn/DBIP-LICENSE")).hasContent("DB-IP licence");
        assertThat(dir.resolve("licenses/ip-location-db-geo-whois-asn-country-mmdb/NRO_LICENSE")).exists();
        String attribution = Files.readString(dir.resolve(GeoIpFiles.ATTRIBUTION));
        assertThat(attribution).contains("`@ip-location-db/geo-whois-asn-country-mmdb` | 2.3.1 | CC0-1.0", "`@ip-location-db/asn`",
                "2026-01-02T03:04:05Z", "licenses/<package>/", "https://example.org/ip-location-db.git");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".npm-pack") || n.endsWith(".part"));
        }
        AsnTable t = AsnCsv.read(List.of(dir.resolve(GeoIpFiles.ASN_V4_CSV), dir.resolve(GeoIpFiles.ASN_V6_CSV)));
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void npmFailuresAreReportedWithNpmsOwnWords() throws IOException {
        Path npm = fakeNpm("echo 'npm warn something harmless' >&2\necho 'npm error code E404' >&2\necho 'npm error 404 Not Found' >&2\nexit 1\n");
        assertThatThrownBy(() -> new GeoIpUpdater(List.of(npm.toString()), Duration.ofSeconds(30), CLOCK).update(tmp.resolve("d")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("npm pack @ip-location-db/geo-whois-asn-country-mmdb failed (exit 1)")
                .hasMessageContaining("npm error code E404").hasMessageNotContaining("harmless");
    }

    @Test
    void missingNpmSaysToInstallIt() {
        assertThatThrownBy(() -> new GeoIpUpdater(List.of(tmp.resolve("no-such-npm").toString()), Duration.ofSeconds(5), CLOCK)
                .update(tmp.resolve("d"))).isInstanceOf(IOException.class).hasMessageContaining("npm is needed")
                .hasMessageContaining("install Node.js");
    }

    @Test
    void aHangingNpmIsKilledAtTheTimeout() throws IOException {
        Path npm = fakeNpm("sleep 30\n");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new GeoIpUpdater(List.of(npm.toString()), Duration.ofMillis(300), CLOCK).update(tmp.resolve("d")))
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aPackageWithoutTheExpectedFileIsAnError() throws IOException {
        Path npm = fakeNpm(PACKER.replace("printf 'MMDB-BYTES' > \"$work/package/geo-whois-asn-country.mmdb\"", "true"));
        assertThatThrownBy(() -> new GeoIpUpdater(List.of(npm.toString()), Duration.ofSeconds(30), CLOCK).update(tmp.resolve("d")))
                .hasMessageContaining("does not contain geo-whois-asn-country.mmdb");
    }
}
