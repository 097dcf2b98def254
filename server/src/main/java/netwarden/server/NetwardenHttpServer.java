package netwarden.server;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.sinks.json.SnapshotJson;
import netwarden.sinks.metrics.MetricsExposition;

/**
 * The netwarden HTTP server: one port ({@value HttpServerConfig#DEFAULT_PORT} on 127.0.0.1 by
 * default) serving
 * <ul>
 *   <li>{@code GET /healthz}: {@code {"status":"ok"}}, no token needed;</li>
 *   <li>{@code GET /metrics}: Prometheus text (OpenMetrics when asked), bearer token unless
 *       {@link HttpServerConfig#metricsAuth()} is false;</li>
 *   <li>{@code GET /api/v1/services}, {@code /api/v1/services/{id}}, {@code .../{id}/players},
 *       {@code .../{id}/windows}: JSON, bearer token required (see {@link ApiHandlers}).</li>
 * </ul>
 * Errors are JSON {@code {"error","status"}}: 401 with {@code WWW-Authenticate}, 404, 405 with
 * {@code Allow}, 413, 500.
 *
 * <p>The constructor has no side effects; {@link #start()} binds the port and registers
 * {@code netwarden_http_requests_total} on the registry; {@link #close()} undoes both. Requests run
 * on virtual threads and read only the immutable snapshot the supplier returns.
 */
public final class NetwardenHttpServer implements AutoCloseable {
    private final HttpServerConfig config;
    private final ApiTokens tokens;
    private final Supplier<EngineSnapshot> snapshots;
    private final PrometheusRegistry registry;
    private final HttpServerFactory factory;
    private final Counter requests;

    private HttpServer server;
    private ExecutorService executor;

    public NetwardenHttpServer(HttpServerConfig config, ApiTokens tokens, Supplier<EngineSnapshot> snapshots,
                               PrometheusRegistry registry) {
        this(config, tokens, snapshots, registry, HttpServerFactory.PLAIN);
    }

    public NetwardenHttpServer(HttpServerConfig config, ApiTokens tokens, Supplier<EngineSnapshot> snapshots,
                               PrometheusRegistry registry, HttpServerFactory factory) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.requests = Counter.builder()
                .name("netwarden_http_requests_total")
                .help("HTTP requests answered, by route template and status code.")
                .labelNames("path", "status")
                .build();
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException           if the address cannot be bound
     * @throws IllegalStateException if already started, or the registry already has the request counter
     */
    public synchronized void start() throws IOException {
        if (server != null) throw new IllegalStateException("server already started on port " + port());
        HttpServer s = factory.create(config.listen(), config.backlog());
        registry.register(requests);
        Dispatcher dispatcher = new Dispatcher(router(), tokens, config.maxRequestBody(), requests);
        s.createContext("/", dispatcher);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        s.setExecutor(executor);
        s.start();
        server = s;
    }

    /** The bound port; useful after binding port 0. */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("server not started");
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets running requests finish for up to the configured grace, then releases the port. */
    @Override
    public synchronized void close() {
        if (server == null) return;
        server.stop((int) config.stopGrace().toSeconds());
        executor.close();
        registry.unregister(requests);
        server = null;
        executor = null;
    }

    private Router router() {
        ApiHandlers api = new ApiHandlers(snapshots);
        MetricsExposition exposition = new MetricsExposition(registry);
        Response healthy = Response.json(200, SnapshotJson.object().put("status", "ok"));
        return new Router(List.of(
                new Router.Route("GET", "/healthz", false, r -> healthy),
                new Router.Route("GET", "/metrics", config.metricsAuth(), r -> {
                    MetricsExposition.Scrape scrape = exposition.scrape(r.headers().getFirst("Accept"));
                    return new Response(200, scrape.contentType(), scrape.body(), Map.of());
                }),
                new Router.Route("GET", "/api/v1/services", true, api::services),
                new Router.Route("GET", "/api/v1/services/{id}", true, api::service),
                new Router.Route("GET", "/api/v1/services/{id}/players", true, api::players),
                new Router.Route("GET", "/api/v1/services/{id}/windows", true, api::windows)));
    }
}
