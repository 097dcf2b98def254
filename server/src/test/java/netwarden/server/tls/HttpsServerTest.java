package netwarden.server.tls;

import netwarden.pki.DeploymentPki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server over HTTPS with certificates from {@link DeploymentPki}, talked to by the JDK client. */
class HttpsServerTest {
    private static final String TOKEN = "scrape-token-0123456789";

    @TempDir
    Path dir;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private NetwardenHttpServer server;
    private TlsServerFactory factory;

    private void start(TlsServerConfig tls, boolean metricsAuth, Map<String, String> basicUsers) throws IOException {
        factory = TlsServerFactory.load(tls, TlsFixtures.CLOCK, Duration.ZERO);
        factory.register(registry);
        HttpServerConfig config = HttpServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0))
                .withStopGrace(Duration.ZERO).withMetricsAuth(metricsAuth);
        server = new NetwardenHttpServer(config, new ApiTokens(List.of(new ApiToken("prometheus", TOKEN, false))),
                () -> EngineSnapshot.EMPTY, registry, factory);
        server.setMetricsBasicAuth(new WebConfig(tls, basicUsers).basicAuth());
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private TlsServerConfig serverFiles() {
        return TlsServerConfig.of(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    }

    private HttpResponse<String> get(HttpClient client, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) b.header("Authorization", authorization);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient trustingTheCa() throws Exception {
        return TlsFixtures.client(dir.resolve("ca.pem"), null, null);
    }

    private HttpClient withClientCertificate() throws Exception {
        return TlsFixtures.client(dir.resolve("ca.pem"), dir.resolve("client.pem"), dir.resolve("client-key.pem"));
    }

    @Test
    void handshakeSucceedsWithTheGeneratedCaAndFailsWithoutIt() throws Exception {
        TlsFixtures.pki(dir, "localhost", "127.0.0.1");
        start(serverFiles(), true, Map.of());
        HttpResponse<String> ok = get(trustingTheCa(), "/healthz", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.sslSession()).map(SSLSession::getProtocol).hasValue("TLSv1.3");
        assertThat(get(trustingTheCa(), "/metrics", "Bearer " + TOKEN).body()).contains("netwarden_tls_reloads_total");

        HttpClient systemTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> get(systemTrust, "/healthz", null)).isInstanceOf(SSLException.class)
                .hasMessageContaining("PKIX path building failed");
        TlsFixtures.pki(dir.resolve("other"), "127.0.0.1");
        HttpClient otherCa = TlsFixtures.client(dir.resolve("other/ca.pem"), null, null);
        assertThatThrownBy(() -> get(otherCa, "/healthz", null)).isInstanceOf(SSLException.class);
    }

    @Test
    void mtlsRejectsClientsWithoutACertificateOrWithOneFromAnotherCa() throws Exception {
        TlsFixtures.pki(dir, "127.0.0.1");
        start(serverFiles().withRequiredClientCertificates(dir.resolve("ca.pem")), true, Map.of());
        assertThat(get(withClientCertificate(), "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(get(withClientCertificate(), "/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get(trustingTheCa(), "/healthz", null)).isInstanceOf(IOException.class);

        TlsFixtures.pki(dir.resolve("rogue"), "127.0.0.1");
        HttpClient rogue = TlsFixtures.client(dir.resolve("ca.pem"), dir.resolve("rogue/client.pem"),
                dir.resolve("rogue/client-key.pem"));
        assertThatThrownBy(() -> get(rogue, "/healthz", null)).isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedByTheClientNamingTheAddress() throws Exception {
        TlsFixtures.pki(dir, "netwarden.example.org");
        start(serverFiles(), true, Map.of());
        assertThatThrownBy(() -> get(trustingTheCa(), "/healthz", null)).isInstanceOf(SSLException.class)
                .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1 found");
    }

    @Test
    void expiredMismatchedOrMissingFilesFailAtLoadNamingTheFile() throws Exception {
        DeploymentPki.create(dir, new DeploymentPki.Request(List.of("127.0.0.1"), "p", Duration.ofDays(30),
                Duration.ofDays(1)), false, TlsFixtures.NOW.minus(Duration.ofDays(10)));
        assertThatThrownBy(() -> TlsServerFactory.load(serverFiles(), TlsFixtures.CLOCK))
                .isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("certificate " + dir.resolve("server.pem")).hasMessageContaining("expired at");

        TlsFixtures.pki(dir.resolve("b"), "127.0.0.1");
        TlsServerConfig mismatched = TlsServerConfig.of(dir.resolve("b/server.pem"), dir.resolve("b/client-key.pem"));
        assertThatThrownBy(() -> TlsServerFactory.load(mismatched, TlsFixtures.CLOCK))
                .hasMessageContaining("key " + dir.resolve("b/client-key.pem") + " does not match certificate");

        TlsServerConfig noCa = TlsServerConfig.of(dir.resolve("b/server.pem"), dir.resolve("b/server-key.pem"))
                .withRequiredClientCertificates(dir.resolve("b/missing-ca.pem"));
        assertThatThrownBy(() -> TlsServerFactory.load(noCa, TlsFixtures.CLOCK))
                .hasMessage("tls_server_config.client_ca_file: " + dir.resolve("b/missing-ca.pem") + " does not exist");
    }

    @Test
    void newFilesServeNewConnectionsAndBrokenOnesKeepTheOld() throws Exception {
        Path live = dir.resolve("live");
        TlsFixtures.pki(live, "127.0.0.1");
        start(TlsServerConfig.of(live.resolve("server.pem"), live.resolve("server-key.pem")), true, Map.of());
        X509Certificate first = factory.certificate();

        TlsFixtures.pki(dir.resolve("next"), "127.0.0.1");
        // A half-finished rotation: the new certificate is there, its key is not yet.
        Files.copy(dir.resolve("next/server.pem"), live.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(factory.reloadIfChanged()).isFalse();
        assertThat(factory.certificate()).isEqualTo(first);
        HttpClient oldCa = TlsFixtures.client(live.resolve("ca.pem"), null, null);
        assertThat(get(oldCa, "/healthz", null).sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(first);

        Files.copy(dir.resolve("next/server-key.pem"), live.resolve("server-key.pem"), StandardCopyOption.REPLACE_EXISTING);
        HttpClient newCa = TlsFixtures.client(dir.resolve("next/ca.pem"), null, null);
        // Check interval 0: the next connection sees the change and gets the new certificate.
        HttpResponse<String> r = get(newCa, "/healthz", null);
        assertThat(r.sslSession().orElseThrow().getPeerCertificates()[0])
                .isEqualTo(PemFiles.readCertificates("c", dir.resolve("next/server.pem")).getFirst());
        String metrics = get(newCa, "/metrics", "Bearer " + TOKEN).body();
        assertThat(metrics).contains("netwarden_tls_reloads_total{result=\"ok\"} 1.0",
                "netwarden_tls_reloads_total{result=\"failed\"} 1.0");
        java.util.regex.Matcher expiry = java.util.regex.Pattern
                .compile("(?m)^netwarden_tls_certificate_expiry_timestamp_seconds (\\S+)$").matcher(metrics);
        assertThat(expiry.find()).isTrue();
        assertThat(Double.parseDouble(expiry.group(1))).isEqualTo(factory.certificate().getNotAfter().getTime() / 1000.0);
    }

    @Test
    void basicAuthGuardsMetricsBesideOrInsteadOfTokens() throws Exception {
        TlsFixtures.pki(dir, "127.0.0.1");
        String hash = OpenBSDBCrypt.generate("2y", "hunter22".toCharArray(), new byte[16], 4);
        String good = "Basic " + Base64.getEncoder().encodeToString("prom:hunter22".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("prom:hunter23".getBytes(StandardCharsets.UTF_8));
        start(serverFiles(), false, Map.of("prom", hash));
        HttpClient c = trustingTheCa();
        assertThat(get(c, "/metrics", good).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(c, "/metrics", bad);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"netwarden\", charset=\"UTF-8\"");
        assertThat(get(c, "/metrics", "Bearer " + TOKEN).statusCode()).as("metrics-auth off: basic only").isEqualTo(401);
        assertThat(get(c, "/api/v1/services", good).statusCode()).as("basic auth never opens the API").isEqualTo(401);
        server.close();

        factory.unregister(registry);
        start(serverFiles(), true, Map.of("prom", hash));
        assertThat(get(c, "/metrics", good).statusCode()).isEqualTo(200);
        assertThat(get(c, "/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(c, "/metrics", null).headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"netwarden\", Basic realm=\"netwarden\", charset=\"UTF-8\"");
    }
}
