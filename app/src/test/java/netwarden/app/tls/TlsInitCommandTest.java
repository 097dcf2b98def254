package netwarden.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netwarden.app.CliRun;
import netwarden.server.tls.ClientAuthType;
import netwarden.server.tls.WebConfig;
import netwarden.server.tls.WebConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls init} writes the web config beside the certificates, ready for {@code run --web-config}. */
class TlsInitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesWebYmlThatServesTheCertificatesWithClientCertificatesRequired() throws Exception {
        Path tls = dir.resolve("tls");
        CliRun init = CliRun.of("tls", "init", tls.toString(), "--hosts", "localhost,127.0.0.1");
        assertThat(init.code()).as(init.err()).isZero();
        Path web = tls.resolve("web.yml");
        assertThat(init.out()).contains("  web.yml", "--web-config " + web.toAbsolutePath());
        WebConfig config = WebConfigLoader.load(web);
        assertThat(config.https()).isTrue();
        assertThat(config.tls().clientAuth()).isEqualTo(ClientAuthType.REQUIRE_AND_VERIFY_CLIENT_CERT);
        assertThat(config.tls().certFile()).isEqualTo(tls.resolve("server.pem"));

        // Moved whole, the directory still works: the paths are relative to web.yml.
        Path moved = Files.move(tls, dir.resolve("moved"));
        assertThat(WebConfigLoader.load(moved.resolve("web.yml")).tls().keyFile()).isEqualTo(moved.resolve("server-key.pem"));
        CliRun check = CliRun.of("check-config", "--web-config", moved.resolve("web.yml").toString(), "--listen", "0.0.0.0:9420",
                Files.writeString(dir.resolve("empty.yaml"), "{}\n").toString());
        assertThat(check.code()).as("HTTPS off loopback is fine: " + check.err()).isZero();
    }

    @Test
    void anExistingWebYmlIsKeptWithoutForce() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Files.writeString(tls.resolve("web.yml"), "# mine\n");
        CliRun again = CliRun.of("tls", "init", tls.toString(), "--hosts", "localhost");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("refusing to overwrite " + tls.resolve("web.yml"));
        assertThat(tls.resolve("server.pem")).as("nothing written").doesNotExist();
        assertThat(CliRun.of("tls", "init", tls.toString(), "--hosts", "localhost", "--force").code()).isZero();
        assertThat(Files.readString(tls.resolve("web.yml"))).contains("client_auth_type: RequireAndVerifyClientCert");
    }
}
