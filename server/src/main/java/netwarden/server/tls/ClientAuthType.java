package netwarden.server.tls;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether clients must present a certificate, with the names of Prometheus' {@code web.config.file}
 * ({@code tls_server_config.client_auth_type}). Every certificate a client presents is verified
 * against {@code client_ca_file}; Go's {@code RequestClientCert} and {@code RequireAnyClientCert},
 * which accept unverified certificates, are refused.
 */
public enum ClientAuthType {
    /** No client certificate asked for (the default). */
    NO_CLIENT_CERT("NoClientCert"),
    /** Asked for; a client without one is let in, one with an unverifiable one is not. */
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven"),
    /** mTLS: every client must present a certificate signed by the client CA. */
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert");

    private final String configName;

    ClientAuthType(String configName) {
        this.configName = configName;
    }

    /** The name used in web config files. */
    public String configName() {
        return configName;
    }

    /** Whether client certificates are verified, so a client CA file is needed. */
    public boolean verifies() {
        return this != NO_CLIENT_CERT;
    }

    /** The type named {@code name} in a web config file. */
    public static ClientAuthType fromConfig(String name) {
        for (ClientAuthType t : values()) if (t.configName.equals(name)) return t;
        if (name.equals("RequestClientCert") || name.equals("RequireAnyClientCert"))
            throw new TlsConfigException("client_auth_type " + name + " accepts unverified client certificates and is"
                    + " not supported: use VerifyClientCertIfGiven or RequireAndVerifyClientCert");
        throw new TlsConfigException("client_auth_type must be one of " + Arrays.stream(values())
                .map(ClientAuthType::configName).collect(Collectors.joining(", ")) + ": '" + name + "'");
    }
}
