package netwarden.app.config;

import java.nio.file.Path;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * The HTTP port serving /metrics, /healthz and /api/v1.
 *
 * @param listen         bind address; the default keeps it on the loopback interface
 * @param metricsAuth    when true, /metrics needs a bearer token like the API (Prometheus: {@code authorization})
 * @param webConfig      a web config file in Prometheus' {@code web.config.file} format (HTTPS, client
 *                       certificates, basic auth for /metrics), or null for plain HTTP
 * @param allowPlainHttp plain HTTP (no {@code webConfig}, or one without {@code tls_server_config})
 *                       may bind a non-loopback address; without it such a bind is refused
 */
public record HttpSettings(ListenAddress listen, boolean metricsAuth, Path webConfig, boolean allowPlainHttp) {
    public HttpSettings {
        Objects.requireNonNull(listen, "http.listen");
        if (webConfig != null && webConfig.toString().isBlank()) throw new SettingException("http.web-config", null, "http.web-config must not be empty");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(ListenAddress.defaults(), true, null, false);
    }

    public HttpSettings withListen(ListenAddress l) {
        return new HttpSettings(l, metricsAuth, webConfig, allowPlainHttp);
    }

    public HttpSettings withMetricsAuth(boolean required) {
        return new HttpSettings(listen, required, webConfig, allowPlainHttp);
    }

    public HttpSettings withWebConfig(Path file) {
        return new HttpSettings(listen, metricsAuth, file, allowPlainHttp);
    }

    public HttpSettings withAllowPlainHttp(boolean allowed) {
        return new HttpSettings(listen, metricsAuth, webConfig, allowed);
    }
}
