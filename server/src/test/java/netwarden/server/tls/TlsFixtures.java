package netwarden.server.tls;

import netwarden.pki.DeploymentPki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import netwarden.model.Clock;

/** Certificates made by {@link netwarden.pki.DeploymentPki} in a temp dir, and clients that trust or present them. */
final class TlsFixtures {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = () -> NOW.getEpochSecond() * 1_000_000_000L;

    private TlsFixtures() {}

    /** CA, server certificate for {@code hosts}, client certificate, valid around {@link #NOW}. */
    static DeploymentPki.Result pki(Path dir, String... hosts) {
        return DeploymentPki.create(dir, DeploymentPki.Request.of(List.of(hosts)), false, NOW.minus(Duration.ofDays(1)));
    }

    /** An HTTPS client trusting {@code caFile} and, when {@code certFile} is not null, presenting that certificate. */
    static HttpClient client(Path caFile, Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(context(caFile, certFile, keyFile)).build();
    }

    static SSLContext context(Path caFile, Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.readCertificates("ca", caFile)) trusted.setCertificateEntry("ca" + i++, ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        KeyManagerFactory kmf = null;
        if (certFile != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            PrivateKey key = PemFiles.readPrivateKey("key", keyFile);
            keys.setKeyEntry("client", key, "x".toCharArray(),
                    PemFiles.readCertificates("cert", certFile).toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "x".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
