package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.model.Clock;
import netwarden.server.tls.ClientAuthType;
import netwarden.server.tls.TlsServerFactory;
import netwarden.server.tls.WebConfig;
import netwarden.server.tls.WebConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/netwarden: the config loads with netwarden's own loader, and web.yml serves the certificates tls init makes. */
class NetwardenConfigFilesTest {
    @TempDir
    Path tmp;

    @Test
    void theStackConfigLoadsWithTheTokensFromTheirFiles() throws Exception {
        // The config names the container's paths; here they point at files in a temporary directory.
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("prometheus_token"), "0123456789abcdef0123\n");
        Files.writeString(secrets.resolve("alertmanager_token"), "fedcba98765432100123\n");
        Path config = Files.writeString(tmp.resolve("netwarden.yaml"), Files.readString(Repo.deploy("netwarden/netwarden.yaml"))
                .replace("/etc/netwarden/secrets/", secrets + "/"));
        NetwardenConfig c = new ConfigLoader(Map.of()).load(config);
        assertThat(c.http().listen().toString()).isEqualTo("127.0.0.1:9420");
        assertThat(c.http().metricsAuth()).isTrue();
        assertThat(c.apiTokens()).extracting(t -> t.name()).containsExactly("prometheus", "alertmanager");
        assertThat(c.apiTokens()).extracting(t -> t.token()).containsExactly("0123456789abcdef0123", "fedcba98765432100123");
    }

    @Test
    void webYmlRequiresClientCertificatesAndServesWhatTlsInitMakes() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc-netwarden"));
        Files.copy(Repo.deploy("netwarden/web.yml"), etc.resolve("web.yml"));
        assertThat(TlsInitCommandTest.tls("init", etc.resolve("tls").toString(), "--hosts", "localhost,127.0.0.1").exit()).isZero();
        WebConfig web = WebConfigLoader.load(etc.resolve("web.yml"));
        assertThat(web.https()).isTrue();
        assertThat(web.tls().certFile()).isEqualTo(etc.resolve("tls/server.pem").toAbsolutePath());
        assertThat(web.tls().clientAuth()).isEqualTo(ClientAuthType.REQUIRE_AND_VERIFY_CLIENT_CERT);
        assertThat(web.tls().clientCaFile()).isEqualTo(etc.resolve("tls/ca.pem").toAbsolutePath());
        assertThat(web.basicAuthUsers()).isEmpty();
        TlsServerFactory factory = TlsServerFactory.load(web.tls(), Clock.SYSTEM);
        assertThat(factory.certificate().getSubjectX500Principal().getName()).contains("CN=localhost");
    }
}
