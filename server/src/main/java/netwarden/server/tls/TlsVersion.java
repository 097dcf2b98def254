package netwarden.server.tls;

import java.util.List;

/** Lowest TLS version served ({@code tls_server_config.min_version}); TLS 1.0 and 1.1 are not offered. */
public enum TlsVersion {
    TLS12("TLS12", List.of("TLSv1.3", "TLSv1.2")),
    TLS13("TLS13", List.of("TLSv1.3"));

    private final String configName;
    private final List<String> protocols;

    TlsVersion(String configName, List<String> protocols) {
        this.configName = configName;
        this.protocols = protocols;
    }

    public String configName() {
        return configName;
    }

    /** The JSSE protocol names enabled with this minimum. */
    public List<String> protocols() {
        return protocols;
    }

    public static TlsVersion fromConfig(String name) {
        return switch (name) {
            case "TLS12" -> TLS12;
            case "TLS13" -> TLS13;
            case "TLS10", "TLS11" -> throw new TlsConfigException("min_version " + name
                    + " is not supported: TLS 1.0 and 1.1 are obsolete (RFC 8996); use TLS12 or TLS13");
            default -> throw new TlsConfigException("min_version must be TLS12 or TLS13: '" + name + "'");
        };
    }
}
