package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.app.CliRun;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.TlsClient;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --web-config} with the certificates {@code netwarden tls init} makes: the API answers
 * over HTTPS to a client that trusts the generated CA and presents the generated client
 * certificate; a client without the certificate, or without the CA, gets no answer at all.
 */
class HttpsRunTest {
    private static final String TOKEN = "https-run-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void servesTheApiOverMutualTlsWithTheCertificatesOfTlsInit() throws Exception {
        Path tls = dir.resolve("etc/tls");
        CliRun init = CliRun.of("tls", "init", tls.toString(), "--hosts", "localhost,127.0.0.1");
        assertThat(init.code()).as(init.err()).isZero();
        Path web = tls.resolve("web.yml"); // written by tls init beside the certificates
        assertThat(web).isRegularFile();
        Path config = Files.writeString(dir.resolve("etc/netwarden.yaml"), """
                api:
                  tokens: [{name: prometheus, token-file: "%s"}]
                services: [{name: arena, address: 10.0.0.1, port: 27960}]
                """.formatted(Files.writeString(dir.resolve("etc/token"), TOKEN + "\n")));
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        NetwardenConfig effective = LiveRuntimeTest.parseRun(Map.of("XDG_STATE_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()),
                "run", "--config", config.toString(), "--pcap", pcap.toString(), "--speed", "max", "--listen", "127.0.0.1:0",
                "--web-config", web.toString());
        assertThat(effective.http().webConfig()).isEqualTo(web);

        try (LiveRuntime runtime = new LiveRuntime(effective, new FileFeed(pcap, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.scheme()).isEqualTo("https");
            assertThat(runtime.security()).isEqualTo("HTTPS, client certificates required");
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
            String base = "https://127.0.0.1:" + runtime.port();

            TlsClient prometheus = TlsClient.of(tls, true);
            Http.Answer services = prometheus.get(base + "/api/v1/services", TOKEN);
            assertThat(services.status()).as(services.body()).isEqualTo(200);
            assertThat(services.body()).contains("\"id\":\"arena\"", "\"players_peak\":2");
            assertThat(prometheus.get(base + "/api/v1/services", null).status()).as("the token is still needed").isEqualTo(401);
            assertThat(prometheus.get(base + "/metrics", TOKEN).body())
                    .contains("netwarden_tls_certificate_expiry_timestamp_seconds", "netwarden_tls_reloads_total{result=\"ok\"} 0");

            TlsClient noCertificate = TlsClient.of(tls, false);
            assertThatThrownBy(() -> noCertificate.get(base + "/healthz", null)).isInstanceOf(IOException.class);
            try (HttpClient systemCas = HttpClient.newHttpClient()) {
                assertThatThrownBy(() -> systemCas.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> Http.get(runtime.port(), "/healthz", null)).as("no plain HTTP on the port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBrokenWebConfigOrPlainHttpOnAPublicAddressIsABadConfiguration() throws Exception {
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString());

        CliRun missing = CliRun.of(env, "run", "--pcap", pcap.toString(), "--web-config", dir.resolve("absent.yml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("(command line): http.web-config: " + dir.resolve("absent.yml") + ": web config file not found\n");

        Path typo = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.pem\n  key_fil: key.pem\n");
        CliRun badKey = CliRun.of(env, "run", "--pcap", pcap.toString(), "--web-config", typo.toString());
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains(typo + ":3:3: unknown key 'tls_server_config.key_fil'");

        Path noFiles = Files.writeString(dir.resolve("web2.yml"), "tls_server_config:\n  cert_file: server.pem\n  key_file: key.pem\n");
        CliRun absentCertificate = CliRun.of(env, "run", "--pcap", pcap.toString(), "--web-config", noFiles.toString());
        assertThat(absentCertificate.code()).isEqualTo(2);
        assertThat(absentCertificate.err()).contains(dir.resolve("server.pem").toString());

        CliRun plain = CliRun.of(env, "run", "--pcap", pcap.toString(), "--listen", "0.0.0.0:0");
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err()).contains("refusing to serve plain HTTP on 0.0.0.0:0", "--web-config FILE", "--allow-plain-http");
    }
}
