package netwarden.it;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import netwarden.server.tls.PemFiles;

/** HTTP clients that trust the deployment CA, with or without a client certificate, as the stack's peers are. */
final class TlsClients {
    private TlsClients() {}

    /** Trusts {@code ca}; presents {@code cert}/{@code key} when they are not null. */
    static HttpClient client(Path ca, Path cert, Path key) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> cas = PemFiles.readCertificates("ca", ca);
            for (int i = 0; i < cas.size(); i++) trust.setCertificateEntry("ca" + i, cas.get(i));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (cert != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", PemFiles.readPrivateKey("key", key), new char[0],
                        PemFiles.readCertificates("cert", cert).toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(2)).build();
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new AssertionError("cannot build a TLS client from " + ca + ", " + cert, e);
        }
    }

    /** Prometheus' client certificate (client.pem), trusting ca.pem in {@code tlsDir}. */
    static HttpClient prometheus(Path tlsDir) {
        return client(tlsDir.resolve("ca.pem"), tlsDir.resolve("client.pem"), tlsDir.resolve("client-key.pem"));
    }

    /** What one GET answered, and the common name of the certificate the server presented (null over plain HTTP). */
    record Answer(int status, String body, String serverName) {}

    static Answer get(HttpClient client, String url) throws java.io.IOException, InterruptedException {
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String cn = r.sslSession().map(s -> {
            try {
                return ((X509Certificate) s.getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return "unverified";
            }
        }).orElse(null);
        return new Answer(r.statusCode(), r.body(), cn);
    }
}
