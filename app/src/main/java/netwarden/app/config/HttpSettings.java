package netwarden.app.config;

import java.util.Objects;

/**
 * The HTTP port serving /metrics, /healthz and /api/v1.
 *
 * @param listen      bind address; the default keeps it on the loopback interface
 * @param metricsAuth when true, /metrics needs a bearer token like the API (Prometheus: {@code authorization})
 */
public record HttpSettings(ListenAddress listen, boolean metricsAuth) {
    public HttpSettings {
        Objects.requireNonNull(listen, "http.listen");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(ListenAddress.defaults(), true);
    }
}
