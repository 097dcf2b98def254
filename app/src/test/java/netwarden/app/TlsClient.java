package netwarden.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import netwarden.server.tls.PemFiles;

/**
 * An HTTPS client for tests against a netwarden serving the certificates {@code netwarden tls init}
 * made: it trusts only {@code ca.pem} of that directory, and presents {@code client.pem} when asked to.
 */
public final class TlsClient {
    private final HttpClient client;

    private TlsClient(SSLContext context) {
        this.client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Trusts {@code tlsDir/ca.pem}; with {@code clientCertificate} also presents {@code client.pem} and its key. */
    public static TlsClient of(Path tlsDir, boolean clientCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.readCertificates("ca", tlsDir.resolve("ca.pem")).getFirst());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientCertificate) {
            char[] password = "test".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<X509Certificate> chain = PemFiles.readCertificates("client", tlsDir.resolve("client.pem"));
            PrivateKey key = PemFiles.readPrivateKey("client key", tlsDir.resolve("client-key.pem"));
            keys.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new TlsClient(context);
    }

    public Http.Answer get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(r.statusCode(), r.body());
    }

    public Http.Answer post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(r.statusCode(), r.body());
    }
}
