package netwarden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import netwarden.pki.DeploymentPki;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentPkiTest {
    @TempDir
    Path dir;

    @Test
    void makesACaAServerCertificateForTheHostsAndAClientCertificate() throws Exception {
        DeploymentPki.Result r = TlsFixtures.pki(dir, "netwarden.example.org", "127.0.0.1", "::1");
        assertThat(r.files()).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(DeploymentPki.FILES);
        assertThat(r.serverNames()).containsExactly("netwarden.example.org", "127.0.0.1", "0:0:0:0:0:0:0:1");

        X509Certificate ca = PemFiles.readCertificates("ca", dir.resolve("ca.pem")).getFirst();
        X509Certificate server = PemFiles.readCertificates("s", dir.resolve("server.pem")).getFirst();
        X509Certificate client = PemFiles.readCertificates("c", dir.resolve("client.pem")).getFirst();
        assertThat(ca.getBasicConstraints()).isZero(); // a CA that signs end entities only
        server.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(client.getSubjectX500Principal().getName()).startsWith("CN=prometheus");
        assertThat(CertificateChecks.covers(server, "::1")).isTrue();
        assertThat(CertificateChecks.covers(server, "NETWARDEN.example.org")).isTrue();
        assertThat(Duration.between(TlsFixtures.NOW, server.getNotAfter().toInstant()).toDays()).isEqualTo(824);
        CertificateChecks.requireKeyMatches(server, PemFiles.readPrivateKey("k", dir.resolve("server-key.pem")),
                dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    }

    @Test
    void keysAreReadableByTheOwnerOnly() throws Exception {
        TlsFixtures.pki(dir, "localhost");
        for (String key : List.of("ca-key.pem", "server-key.pem", "client-key.pem"))
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key)))).as(key)
                    .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        TlsFixtures.pki(dir, "localhost");
        String before = Files.readString(dir.resolve("ca.pem"));
        assertThatThrownBy(() -> TlsFixtures.pki(dir, "localhost")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to overwrite").hasMessageContaining("ca.pem")
                .hasMessageContaining("--force");
        assertThat(Files.readString(dir.resolve("ca.pem"))).isEqualTo(before);
        DeploymentPki.create(dir, DeploymentPki.Request.of(List.of("localhost")), true, TlsFixtures.NOW);
        assertThat(Files.readString(dir.resolve("ca.pem"))).isNotEqualTo(before);
    }

    @Test
    void rejectsBadHostsAndValidity() {
        assertThatThrownBy(() -> DeploymentPki.Request.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> DeploymentPki.Request.of(List.of("bad host"))).hasMessageContaining("'bad host'");
        assertThatThrownBy(() -> DeploymentPki.Request.of(List.of("-x.org"))).hasMessageContaining("'-x.org'");
        assertThatThrownBy(() -> new DeploymentPki.Request(List.of("a"), "p", Duration.ofDays(1), Duration.ofDays(2)))
                .hasMessageContaining("cannot outlive their CA");
    }
}
