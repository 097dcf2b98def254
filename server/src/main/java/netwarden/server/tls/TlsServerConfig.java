package netwarden.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS settings, as Prometheus' {@code web.config.file} spells them under {@code tls_server_config}.
 *
 * @param certFile       PEM certificate chain, server certificate first ({@code cert_file})
 * @param keyFile        PEM private key of that certificate: PKCS#8, PKCS#1 (RSA) or SEC1 (EC),
 *                       unencrypted ({@code key_file})
 * @param clientAuth     whether clients must present a certificate ({@code client_auth_type});
 *                       default {@link ClientAuthType#NO_CLIENT_CERT}
 * @param clientCaFile   PEM certificates of the CAs that sign client certificates
 *                       ({@code client_ca_file}); required exactly when {@code clientAuth} verifies,
 *                       else null
 * @param minVersion     lowest TLS version offered ({@code min_version}); default TLS 1.2
 */
public record TlsServerConfig(Path certFile, Path keyFile, ClientAuthType clientAuth, Path clientCaFile,
                              TlsVersion minVersion) {
    public TlsServerConfig {
        Objects.requireNonNull(certFile, "tls_server_config.cert_file");
        Objects.requireNonNull(keyFile, "tls_server_config.key_file");
        Objects.requireNonNull(clientAuth, "tls_server_config.client_auth_type");
        Objects.requireNonNull(minVersion, "tls_server_config.min_version");
        if (clientAuth.verifies() && clientCaFile == null)
            throw new TlsConfigException("tls_server_config.client_auth_type " + clientAuth.configName()
                    + " needs client_ca_file: the CA certificates that sign client certificates");
        if (!clientAuth.verifies() && clientCaFile != null)
            throw new TlsConfigException("tls_server_config.client_ca_file is set but client_auth_type is "
                    + clientAuth.configName() + ": set client_auth_type: RequireAndVerifyClientCert (mTLS)"
                    + " or VerifyClientCertIfGiven");
    }

    /** HTTPS with this certificate and key, no client certificates, TLS 1.2 and up. */
    public static TlsServerConfig of(Path certFile, Path keyFile) {
        return new TlsServerConfig(certFile, keyFile, ClientAuthType.NO_CLIENT_CERT, null, TlsVersion.TLS12);
    }

    /** The same with mTLS: every client must present a certificate signed by a CA in {@code caFile}. */
    public TlsServerConfig withRequiredClientCertificates(Path caFile) {
        return new TlsServerConfig(certFile, keyFile, ClientAuthType.REQUIRE_AND_VERIFY_CLIENT_CERT, caFile, minVersion);
    }
}
