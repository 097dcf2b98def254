package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import netwarden.app.CliRun;
import netwarden.app.UsageException;
import netwarden.app.config.HttpSettings;
import netwarden.app.config.ListenAddress;
import netwarden.model.Clock;
import netwarden.server.HttpServerFactory;
import netwarden.server.tls.TlsServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain HTTP stays on loopback unless allowed; a web config with TLS may bind any address. Nothing is bound here. */
class WebSecurityTest {
    @TempDir
    Path dir;

    private static HttpSettings listen(String address) {
        return HttpSettings.defaults().withListen(ListenAddress.parse(address));
    }

    @Test
    void plainHttpOnlyOnLoopbackUnlessAllowed() {
        for (String loopback : new String[] {"127.0.0.1:9420", "127.1.2.3:0", "[::1]:9420", "localhost:9420"})
            assertThat(WebSecurity.prepare(listen(loopback), Clock.SYSTEM).factory()).isSameAs(HttpServerFactory.PLAIN);
        for (String open : new String[] {"0.0.0.0:9420", "[::]:9420", "192.0.2.10:9420"})
            assertThatThrownBy(() -> WebSecurity.prepare(listen(open), Clock.SYSTEM)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("refusing to serve plain HTTP on " + ListenAddress.parse(open));
        WebSecurity allowed = WebSecurity.prepare(listen("0.0.0.0:9420").withAllowPlainHttp(true), Clock.SYSTEM);
        assertThat(allowed.https()).isFalse();
        assertThat(allowed.describe()).isEqualTo("plain HTTP");
    }

    @Test
    void httpsMayBindAnyAddressAndBasicAuthAloneIsStillPlainHttp() throws Exception {
        assertThat(CliRun.of("tls", "init", dir.resolve("tls").toString(), "--hosts", "localhost").code()).isZero();
        Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: tls/server.pem\n  key_file: tls/server-key.pem\n");
        WebSecurity https = WebSecurity.prepare(listen("0.0.0.0:9420").withWebConfig(web), Clock.SYSTEM);
        assertThat(https.factory()).isInstanceOf(TlsServerFactory.class);
        assertThat(https.describe()).isEqualTo("HTTPS");

        // Basic auth without tls_server_config does not make the port private (a well-formed bcrypt hash; never checked here).
        Path basic = Files.writeString(dir.resolve("basic.yml"),
                "basic_auth_users:\n  prometheus: $2y$04$HOpUwmJ5iS4Mf3t4I7WRyOmvyeEC1uvLRzbUxGgTVkV3wA/2tq.Gq\n");
        assertThatThrownBy(() -> WebSecurity.prepare(listen("0.0.0.0:9420").withWebConfig(basic), Clock.SYSTEM))
                .isInstanceOf(UsageException.class);
        assertThat(WebSecurity.prepare(listen("127.0.0.1:9420").withWebConfig(basic), Clock.SYSTEM).describe())
                .isEqualTo("plain HTTP, basic auth for /metrics");
    }
}
