package netwarden.server.tls;

import java.util.Map;
import java.util.TreeMap;
import netwarden.model.Clock;
import netwarden.server.BasicAuthenticator;
import netwarden.server.HttpServerFactory;

/**
 * How the HTTP port is secured, in the shape of Prometheus' {@code web.config.file} (see
 * {@link WebConfigLoader}): HTTPS settings and basic-auth users for {@code /metrics}.
 *
 * @param tls            HTTPS settings, or null for plain HTTP
 * @param basicAuthUsers user name to bcrypt hash; empty for no basic auth
 */
public record WebConfig(TlsServerConfig tls, Map<String, String> basicAuthUsers) {
    public WebConfig {
        basicAuthUsers = Map.copyOf(basicAuthUsers);
        if (!basicAuthUsers.isEmpty()) new BasicAuthUsers(basicAuthUsers); // validates names and hashes
    }

    /** Plain HTTP without basic auth. */
    public static WebConfig plainHttp() {
        return new WebConfig(null, Map.of());
    }

    public boolean https() {
        return tls != null;
    }

    /**
     * The server factory: HTTPS from {@link #tls()} (files read and checked now), else plain HTTP.
     *
     * @throws TlsConfigException when the TLS files cannot serve
     */
    public HttpServerFactory serverFactory(Clock clock) {
        return tls == null ? HttpServerFactory.PLAIN : TlsServerFactory.load(tls, clock);
    }

    /** The basic-auth users for {@code /metrics}, or {@link BasicAuthenticator#NONE} when there are none. */
    public BasicAuthenticator basicAuth() {
        return basicAuthUsers.isEmpty() ? BasicAuthenticator.NONE : new BasicAuthUsers(basicAuthUsers);
    }

    /** Never shows the hashes. */
    @Override
    public String toString() {
        return "WebConfig[tls=" + tls + ", basicAuthUsers=" + new TreeMap<>(basicAuthUsers).keySet() + "]";
    }
}
