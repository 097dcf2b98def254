package netwarden.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP server.
 *
 * @param listen         address and port to bind; default {@code 127.0.0.1:9420} (loopback only: put a
 *                       reverse proxy or a firewall rule in front before binding a public address); port 0
 *                       picks a free port, which {@link NetwardenHttpServer#port()} reports
 * @param metricsAuth    whether {@code GET /metrics} needs a bearer token like the API; default true
 * @param maxRequestBody largest request body a client may declare on the GET endpoints, in bytes
 *                       (they read none; larger declared bodies get 413); default 8192. Routes that
 *                       read a body (the Alertmanager receiver) have their own, larger limit
 * @param backlog        TCP accept backlog, 0 for the system default; default 0
 * @param stopGrace      how long {@link NetwardenHttpServer#close()} lets running requests finish,
 *                       whole seconds; default 1 s
 * @param requestTimeLimit  how long a client has to send a whole request (TLS handshake, headers and
 *                          body) once its first byte arrived; then the connection is closed. Default
 *                          {@link #DEFAULT_REQUEST_TIME_LIMIT}; positive, at most 1 h
 * @param responseTimeLimit how long a client has to take the whole answer once the request was read;
 *                          default {@link #DEFAULT_RESPONSE_TIME_LIMIT}; positive, at most 1 h
 */
public record HttpServerConfig(InetSocketAddress listen, boolean metricsAuth, int maxRequestBody, int backlog,
                               Duration stopGrace, Duration requestTimeLimit, Duration responseTimeLimit) {
    /** The documented default port. */
    public static final int DEFAULT_PORT = 9420;
    public static final Duration DEFAULT_REQUEST_TIME_LIMIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RESPONSE_TIME_LIMIT = Duration.ofSeconds(60);

    public HttpServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(stopGrace, "stopGrace");
        if (maxRequestBody < 0) throw new IllegalArgumentException("maxRequestBody must be >= 0: " + maxRequestBody);
        if (backlog < 0) throw new IllegalArgumentException("backlog must be >= 0: " + backlog);
        if (stopGrace.isNegative() || stopGrace.toNanos() % 1_000_000_000L != 0 || stopGrace.toSeconds() > 3600)
            throw new IllegalArgumentException("stopGrace must be whole seconds between 0 and 1 h: " + stopGrace);
        checkLimit("requestTimeLimit", requestTimeLimit);
        checkLimit("responseTimeLimit", responseTimeLimit);
    }

    /** The settings without the time limits, which take their defaults. */
    public HttpServerConfig(InetSocketAddress listen, boolean metricsAuth, int maxRequestBody, int backlog, Duration stopGrace) {
        this(listen, metricsAuth, maxRequestBody, backlog, stopGrace, DEFAULT_REQUEST_TIME_LIMIT, DEFAULT_RESPONSE_TIME_LIMIT);
    }

    private static void checkLimit(String name, Duration limit) {
        Objects.requireNonNull(limit, name);
        if (!limit.isPositive() || limit.compareTo(Duration.ofHours(1)) > 0)
            throw new IllegalArgumentException(name + " must be positive and at most 1 h: " + limit);
    }

    public static HttpServerConfig defaults() {
        return new HttpServerConfig(new InetSocketAddress("127.0.0.1", DEFAULT_PORT), true, 8192, 0,
                Duration.ofSeconds(1));
    }

    public HttpServerConfig withListen(InetSocketAddress newListen) {
        return new HttpServerConfig(newListen, metricsAuth, maxRequestBody, backlog, stopGrace, requestTimeLimit, responseTimeLimit);
    }

    public HttpServerConfig withMetricsAuth(boolean required) {
        return new HttpServerConfig(listen, required, maxRequestBody, backlog, stopGrace, requestTimeLimit, responseTimeLimit);
    }

    public HttpServerConfig withStopGrace(Duration grace) {
        return new HttpServerConfig(listen, metricsAuth, maxRequestBody, backlog, grace, requestTimeLimit, responseTimeLimit);
    }

    public HttpServerConfig withTimeLimits(Duration request, Duration response) {
        return new HttpServerConfig(listen, metricsAuth, maxRequestBody, backlog, stopGrace, request, response);
    }
}
