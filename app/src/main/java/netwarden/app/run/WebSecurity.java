package netwarden.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import netwarden.app.UsageException;
import netwarden.app.config.HttpSettings;
import netwarden.model.Clock;
import netwarden.server.BasicAuthenticator;
import netwarden.server.HttpServerFactory;
import netwarden.server.tls.TlsServerFactory;
import netwarden.server.tls.WebConfig;
import netwarden.server.tls.WebConfigLoader;

/**
 * How the HTTP port is secured: HTTPS (and client certificates, basic auth for /metrics) from the
 * web config file ({@code http.web-config}, {@code run --web-config}), else plain HTTP. Plain HTTP
 * may bind a loopback address only, unless {@code http.allow-plain-http} says otherwise ({@code run}
 * checks this first, with every other start check, and logs the warning: see {@link StartChecks}).
 *
 * @param factory the server factory: HTTPS with the certificate files already read and checked, or plain
 */
public record WebSecurity(WebConfig web, HttpServerFactory factory) {
    /**
     * Reads the web config and its TLS files and applies the plain-HTTP rule.
     *
     * @throws netwarden.server.tls.TlsConfigException when the web config or a TLS file cannot serve
     * @throws UsageException when plain HTTP would bind a non-loopback address without being allowed
     */
    public static WebSecurity prepare(HttpSettings http, Clock clock) {
        WebConfig web = http.webConfig() == null ? WebConfig.plainHttp() : WebConfigLoader.load(http.webConfig());
        if (!web.https() && !http.listen().loopback()) {
            if (!http.allowPlainHttp())
                throw new UsageException("refusing to serve plain HTTP on " + http.listen() + ", which is not a loopback address: "
                        + "bearer tokens and player data would cross the network unencrypted. Serve HTTPS with a web config "
                        + "(--web-config FILE or http.web-config; 'netwarden tls init' makes the certificates), bind 127.0.0.1, "
                        + "or accept the risk with --allow-plain-http (http.allow-plain-http: true)");
        }
        return new WebSecurity(web, web.serverFactory(clock));
    }

    public boolean https() {
        return web.https();
    }

    /** The TLS reload and certificate expiry metrics, when serving HTTPS. */
    public void register(PrometheusRegistry registry) {
        if (factory instanceof TlsServerFactory tls) tls.register(registry);
    }

    public BasicAuthenticator basicAuth() {
        return web.basicAuth();
    }

    /** For the startup line: {@code https, client certificates required}. */
    public String describe() {
        if (!web.https()) return "plain HTTP" + (web.basicAuthUsers().isEmpty() ? "" : ", basic auth for /metrics");
        String clients = switch (web.tls().clientAuth()) {
            case REQUIRE_AND_VERIFY_CLIENT_CERT -> ", client certificates required";
            case VERIFY_CLIENT_CERT_IF_GIVEN -> ", client certificates verified when given";
            case NO_CLIENT_CERT -> "";
        };
        return "HTTPS" + clients + (web.basicAuthUsers().isEmpty() ? "" : ", basic auth for /metrics");
    }
}
