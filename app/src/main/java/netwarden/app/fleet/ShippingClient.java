package netwarden.app.fleet;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import netwarden.server.tls.PemFiles;

/** The agent's HTTP client: trusts the given CA (else the JDK's trust store) and presents a client certificate for mTLS. */
final class ShippingClient {
    private ShippingClient() {}

    static HttpClient of(AgentSettings s) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (s.caFile() == null && s.clientCert() == null) return b.build();
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (s.caFile() != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (X509Certificate c : PemFiles.readCertificates("--ca-file", s.caFile())) trust.setCertificateEntry("ca" + i++, c);
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (s.clientCert() != null) {
                char[] pw = "agent".toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                List<X509Certificate> chain = PemFiles.readCertificates("--client-cert", s.clientCert());
                keys.setKeyEntry("agent", PemFiles.readPrivateKey("--client-key", s.clientKey()), pw, chain.toArray(X509Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, pw);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return b.sslContext(ctx).build();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the agent's TLS context: " + e.getMessage(), e);
        }
    }
}
