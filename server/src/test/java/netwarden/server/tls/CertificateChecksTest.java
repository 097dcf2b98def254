package netwarden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateChecksTest {
    @TempDir
    Path dir;

    private X509Certificate cert(Path d, String... hosts) {
        TlsFixtures.pki(d, hosts);
        return PemFiles.readCertificates("c", d.resolve("server.pem")).getFirst();
    }

    @Test
    void coversIpLiteralsAndNamesIncludingOneWildcardLabel() {
        X509Certificate c = cert(dir, "*.game.example.org", "metrics.example.org", "10.0.0.5", "2001:db8::1");
        assertThat(CertificateChecks.covers(c, "10.0.0.5")).isTrue();
        assertThat(CertificateChecks.covers(c, "10.0.0.6")).isFalse();
        assertThat(CertificateChecks.covers(c, "2001:db8:0:0::1")).isTrue();
        assertThat(CertificateChecks.covers(c, "[2001:db8::1]")).isTrue();
        assertThat(CertificateChecks.covers(c, "metrics.example.org")).isTrue();
        assertThat(CertificateChecks.covers(c, "eu.game.example.org")).isTrue();
        assertThat(CertificateChecks.covers(c, "a.eu.game.example.org")).isFalse();
        assertThat(CertificateChecks.covers(c, "game.example.org")).isFalse();
        assertThat(CertificateChecks.covers(c, "example.org")).isFalse();
    }

    @Test
    void expiredAndNotYetValidCertificatesSayWhen() {
        X509Certificate c = cert(dir, "localhost");
        Path file = dir.resolve("server.pem");
        Instant after = c.getNotAfter().toInstant().plus(Duration.ofDays(1));
        assertThatThrownBy(() -> CertificateChecks.requireCurrentlyValid("tls_server_config.cert_file", file, c, after))
                .isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("tls_server_config.cert_file: certificate " + file)
                .hasMessageContaining("expired at " + c.getNotAfter().toInstant())
                .hasMessageContaining("(now " + after + ")");
        Instant before = c.getNotBefore().toInstant().minusSeconds(1);
        assertThatThrownBy(() -> CertificateChecks.requireCurrentlyValid("tls_server_config.cert_file", file, c, before))
                .hasMessageContaining("is not valid yet: valid from " + c.getNotBefore().toInstant())
                .hasMessageContaining("check the clock");
        CertificateChecks.requireCurrentlyValid("x", file, c, TlsFixtures.NOW);
    }

    @Test
    void aKeyFromAnotherPairIsAMismatch() {
        X509Certificate c = cert(dir.resolve("a"), "localhost");
        TlsFixtures.pki(dir.resolve("b"), "localhost");
        Path otherKey = dir.resolve("b/server-key.pem");
        assertThatThrownBy(() -> CertificateChecks.requireKeyMatches(c, PemFiles.readPrivateKey("k", otherKey),
                dir.resolve("a/server.pem"), otherKey))
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("tls_server_config: key " + otherKey + " does not match certificate " + dir.resolve("a/server.pem")
                        + ": they are not a pair");
        assertThat(CertificateChecks.names(c)).isEqualTo(List.of("localhost"));
    }
}
