package netwarden.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The checked contents of the TLS files: certificate chain (server certificate first), its private
 * key, the client CAs (empty without client authentication), and the file stamps taken before
 * reading, so a change during the read shows as a change on the next check. Immutable.
 */
record ServerCredentials(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> clientCas,
                         FileStamps stamps) {
    private static final char[] IN_MEMORY_PASSWORD = "netwarden".toCharArray();

    ServerCredentials {
        chain = List.copyOf(chain);
        clientCas = List.copyOf(clientCas);
    }

    /**
     * Reads and checks every file of {@code config}.
     *
     * @throws TlsConfigException naming the file: missing, unreadable, not PEM, key not matching the
     *                            certificate, a certificate expired or not yet valid at {@code now}
     */
    static ServerCredentials load(TlsServerConfig config, Instant now) {
        List<Path> files = new ArrayList<>(List.of(config.certFile(), config.keyFile()));
        if (config.clientCaFile() != null) files.add(config.clientCaFile());
        FileStamps stamps = FileStamps.of(files);

        List<X509Certificate> chain = PemFiles.readCertificates("tls_server_config.cert_file", config.certFile());
        PrivateKey key = PemFiles.readPrivateKey("tls_server_config.key_file", config.keyFile());
        CertificateChecks.requireCurrentlyValid("tls_server_config.cert_file", config.certFile(), chain.getFirst(), now);
        CertificateChecks.requireKeyMatches(chain.getFirst(), key, config.certFile(), config.keyFile());
        List<X509Certificate> cas = List.of();
        if (config.clientCaFile() != null) {
            cas = PemFiles.readCertificates("tls_server_config.client_ca_file", config.clientCaFile());
            for (X509Certificate ca : cas)
                CertificateChecks.requireCurrentlyValid("tls_server_config.client_ca_file", config.clientCaFile(), ca, now);
        }
        return new ServerCredentials(chain, key, cas, stamps);
    }

    X509Certificate certificate() {
        return chain.getFirst();
    }

    /** A fresh context serving this chain and trusting the client CAs (if any). */
    SSLContext sslContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, IN_MEMORY_PASSWORD);

            TrustManagerFactory tmf = null;
            if (!clientCas.isEmpty()) {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                for (int i = 0; i < clientCas.size(); i++) trusted.setCertificateEntry("client-ca-" + i, clientCas.get(i));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsConfigException("cannot build a TLS context from " + CertificateChecks.subject(certificate())
                    + ": " + e.getMessage(), e);
        }
    }
}
