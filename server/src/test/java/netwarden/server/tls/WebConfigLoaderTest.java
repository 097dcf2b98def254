package netwarden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigLoaderTest {
    private static final Path BASE = Path.of("/etc/netwarden");
    private static final String HASH = OpenBSDBCrypt.generate("2y", "scrape-me".toCharArray(), new byte[16], 4);

    @TempDir
    Path dir;

    private static WebConfig parse(String yaml) {
        return WebConfigLoader.parse("web.yml", yaml, BASE);
    }

    @Test
    void readsThePrometheusWebConfigShapeWithPathsRelativeToTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: tls/server.pem
                  key_file: /abs/server-key.pem
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: tls/ca.pem
                  min_version: TLS13
                basic_auth_users:
                  prometheus: '%s'
                """.formatted(HASH));
        WebConfig c = WebConfigLoader.load(file);
        assertThat(c.https()).isTrue();
        assertThat(c.tls()).isEqualTo(new TlsServerConfig(dir.resolve("tls/server.pem"), Path.of("/abs/server-key.pem"),
                ClientAuthType.REQUIRE_AND_VERIFY_CLIENT_CERT, dir.resolve("tls/ca.pem"), TlsVersion.TLS13));
        assertThat(c.basicAuthUsers()).containsOnlyKeys("prometheus");
        assertThat(c.toString()).doesNotContain(HASH);
    }

    @Test
    void defaultsAreNoClientCertificatesAndTls12() {
        WebConfig c = parse("tls_server_config: {cert_file: s.pem, key_file: k.pem}\n");
        assertThat(c.tls()).isEqualTo(TlsServerConfig.of(BASE.resolve("s.pem"), BASE.resolve("k.pem")));
        assertThat(c.tls().minVersion().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(c.basicAuth()).isSameAs(netwarden.server.BasicAuthenticator.NONE);
    }

    @Test
    void anEmptyFileOrOneWithoutTlsIsPlainHttp() {
        assertThat(parse("")).isEqualTo(WebConfig.plainHttp());
        assertThat(parse("basic_auth_users: {u: '" + HASH + "'}\n").https()).isFalse();
    }

    @Test
    void unknownKeysAreErrorsWithTheirPlace() {
        assertThatThrownBy(() -> parse("tls_server_config:\n  cert_file: a\n  key_fil: b\n"))
                .isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("web.yml:3:3: ")
                .hasMessageContaining("unknown key 'tls_server_config.key_fil' (likely a typo; known keys here: "
                        + "cert_file, client_auth_type, client_ca_file, key_file, min_version)");
        assertThatThrownBy(() -> parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  cipher_suites: [x]\n"))
                .hasMessageContaining("'tls_server_config.cipher_suites' is a Prometheus web config key that netwarden does not support");
        assertThatThrownBy(() -> parse("http_server_config: {http2: false}\n"))
                .hasMessageStartingWith("web.yml:1:1: ").hasMessageContaining("'http_server_config'");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, keyfile: b}\n"))
                .hasMessageStartingWith("web.yml:1:35: unknown key 'tls_server_config.keyfile'");
        assertThatThrownBy(() -> parse("tls_server_config: [1]\n")).hasMessageStartingWith("web.yml:1:");
    }

    @Test
    void inconsistentSettingsNameTheFix() {
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a}\n"))
                .hasMessage("web.yml: tls_server_config.key_file is required");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, key_file: b, client_auth_type: RequireAndVerifyClientCert}\n"))
                .hasMessageContaining("RequireAndVerifyClientCert needs client_ca_file");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, key_file: b, client_ca_file: ca.pem}\n"))
                .hasMessageContaining("client_ca_file is set but client_auth_type is NoClientCert");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, key_file: b, client_auth_type: RequireAnyClientCert}\n"))
                .hasMessageContaining("accepts unverified client certificates and is not supported");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, key_file: b, client_auth_type: Always}\n"))
                .hasMessageContaining("client_auth_type must be one of NoClientCert, VerifyClientCertIfGiven, "
                        + "RequireAndVerifyClientCert: 'Always'");
        assertThatThrownBy(() -> parse("tls_server_config: {cert_file: a, key_file: b, min_version: TLS11}\n"))
                .hasMessageContaining("min_version TLS11 is not supported");
        assertThatThrownBy(() -> parse("basic_auth_users: {prometheus: secret}\n"))
                .hasMessageContaining("basic_auth_users.prometheus: not a bcrypt hash")
                .hasMessageContaining("htpasswd -nBC 10 prometheus").hasMessageNotContaining("secret");
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("web.yml");
        assertThatThrownBy(() -> WebConfigLoader.load(missing)).hasMessage(missing + ": web config file not found");
    }
}
