package netwarden.server;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.GameView;
import netwarden.model.EventListener;
import netwarden.server.alert.AlertmanagerReceiver;
import netwarden.wire.SnapshotJson;
import netwarden.sinks.metrics.MetricsExposition;

/**
 * The netwarden HTTP server: one port ({@value HttpServerConfig#DEFAULT_PORT} on 127.0.0.1 by
 * default) serving
 * <ul>
 *   <li>{@code GET /healthz}: {@code {"status":"ok"}}, no token needed; with {@link #setHealth a health
 *       source} its {@link Health}: 200, or 503 with {@code {"status":"stalled","reason":"..."}};</li>
 *   <li>{@code GET /metrics}: Prometheus text (OpenMetrics when asked), bearer token unless
 *       {@link HttpServerConfig#metricsAuth()} is false; with {@link #setMetricsBasicAuth basic-auth
 *       users} their credentials are accepted too (and required when metricsAuth is false);</li>
 *   <li>{@code GET /api/v1/services}, {@code /api/v1/services/{id}}, {@code .../{id}/players},
 *       {@code .../{id}/windows}: JSON, bearer token required (see {@link ApiHandlers}), with the
 *       {@link #setGameView game view} joined in;</li>
 *   <li>{@code GET /metrics/servers}, {@code /metrics/servers/{id}}: FlowLens-compatible JSON, bearer
 *       token required (see {@link FlowLensHandlers});</li>
 *   <li>{@code POST /api/v1/alerts/alertmanager}: Alertmanager's webhook (payload version 4), bearer
 *       token required; only once {@link #setAlertListener an alert listener} is set, else 404
 *       (see {@link AlertmanagerReceiver}).</li>
 * </ul>
 * HTTPS and client certificates come with the {@link HttpServerFactory} (see
 * {@code netwarden.server.tls.TlsServerFactory}).
 * Errors are JSON {@code {"error","status"}}: 401 with {@code WWW-Authenticate}, 404, 405 with
 * {@code Allow}, 413, 500.
 *
 * <p>The constructor has no side effects; {@link #start()} binds the port and registers
 * {@code netwarden_http_requests_total} and {@code netwarden_http_timeouts_total{phase}} on the
 * registry; {@link #close()} undoes both. Requests run on virtual threads and read only the
 * immutable snapshot the supplier returns; a client that takes longer than the configured time
 * limits to send its request or read the answer is cut off (see {@link ExchangeTimer}; no JVM-wide
 * system property is set, so several servers in one JVM keep their own limits).
 */
public final class NetwardenHttpServer implements AutoCloseable {
    private final HttpServerConfig config;
    private final ApiTokens tokens;
    private final Supplier<EngineSnapshot> snapshots;
    private final PrometheusRegistry registry;
    private final HttpServerFactory factory;
    private final Counter requests;
    private final Counter timeouts = ExchangeTimer.counter();
    private final List<Router.Route> extraRoutes = new ArrayList<>();
    private final java.util.Map<String, com.sun.net.httpserver.HttpHandler> rawContexts = new java.util.LinkedHashMap<>();

    private BasicAuthenticator metricsBasicAuth = BasicAuthenticator.NONE;
    private AlertmanagerReceiver alertReceiver;
    private Supplier<Health> health = () -> Health.OK;
    private Supplier<GameView> games = () -> GameView.EMPTY;
    private MaintenanceHandlers maintenance;
    private java.time.Duration blockTimeout = netwarden.wire.BlockRules.DEFAULT_TIMEOUT;
    private HttpServer server;
    private ExchangeTimer executor;

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
     * Also accepts basic-auth credentials on {@code /metrics} (Prometheus {@code basic_auth}); pass
     * {@link BasicAuthenticator#NONE} to turn that off again. Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer setMetricsBasicAuth(BasicAuthenticator users) {
        requireNotStarted();
        this.metricsBasicAuth = Objects.requireNonNull(users, "users");
        return this;
    }

    /**
     * Serves {@code POST /api/v1/alerts/alertmanager} and hands each received alert to
     * {@code listener} as an {@link netwarden.model.Event.ExternalAlert}; {@link EventListener#NONE}
     * removes the endpoint again (the default). The listener runs on request threads and must not
     * block. Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer setAlertListener(EventListener listener) {
        requireNotStarted();
        Objects.requireNonNull(listener, "listener");
        this.alertReceiver = listener == EventListener.NONE ? null : new AlertmanagerReceiver(listener);
        return this;
    }

    /**
     * What {@code /healthz} reports (default: always {@link Health#OK}); asked on every request, on
     * request threads, so it must be quick and thread-safe. Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer setHealth(Supplier<Health> health) {
        requireNotStarted();
        this.health = Objects.requireNonNull(health, "health");
        return this;
    }

    /**
     * What the game servers say (query answers, player names from their logs), joined into
     * {@code /api/v1/services} at serve time; asked per request, must be quick and thread-safe.
     * Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer setGameView(Supplier<GameView> games) {
        requireNotStarted();
        this.games = Objects.requireNonNull(games, "games");
        return this;
    }

    /** How long the block rules shown with each incident block ({@code detection.block-timeout}). Call before {@link #start()}. */
    public synchronized NetwardenHttpServer setBlockTimeout(java.time.Duration timeout) {
        requireNotStarted();
        this.blockTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Serves {@code /api/v1/notify/maintenance} (token required) over the notification router's
     * runtime maintenance windows. Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer setMaintenance(netwarden.sinks.notify.Maintenance windows) {
        requireNotStarted();
        this.maintenance = new MaintenanceHandlers(Objects.requireNonNull(windows, "windows"), java.time.Instant::now);
        return this;
    }

    private void requireNotStarted() {
        if (server != null) throw new IllegalStateException("server already started on port " + port());
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
        registry.register(timeouts);
        if (alertReceiver != null) alertReceiver.register(registry);
        executor = new ExchangeTimer(config.requestTimeLimit(), config.responseTimeLimit(), System::nanoTime, timeouts);
        Dispatcher dispatcher = new Dispatcher(router(), tokens, metricsBasicAuth, config.maxRequestBody(), requests, executor::responding);
        s.createContext("/", dispatcher);
        rawContexts.forEach(s::createContext);
        s.setExecutor(executor);
        executor.start();
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
        registry.unregister(timeouts);
        if (alertReceiver != null) alertReceiver.unregister(registry);
        server = null;
        executor = null;
    }

    /**
     * Adds a token-protected GET endpoint answered by the wiring (history from the store), so this module needs
     * no store of its own; call before {@link #start()}. An added route answers before a built-in one of the same
     * path (the store's incident list replaces the engine's recent ones).
     */
    public synchronized NetwardenHttpServer addApiRoute(String template, Handler handler) {
        return addApiRoute("GET", template, 0, handler);
    }

    /**
     * As {@link #addApiRoute(String, Handler)} for any method; {@code maxBody} bytes of body are read (0: none).
     * The handler decides what a token may change ({@link ApiToken#canWrite()}).
     */
    public synchronized NetwardenHttpServer addApiRoute(String method, String template, int maxBody, Handler handler) {
        if (!template.startsWith("/api/v1/")) throw new IllegalArgumentException("API routes start with /api/v1/: " + template);
        extraRoutes.add(new Router.Route(method, template, Router.Access.TOKEN, maxBody, handler));
        return this;
    }

    /**
     * Adds a route outside the API answered by the web console, which checks its own sign-in (a session
     * cookie), so the route is open here; {@code maxBody} &gt; 0 lets it read a form body up to that size.
     * The API and {@code /metrics} stay as they are; call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer addPageRoute(String method, String template, int maxBody, Handler handler) {
        requireNotStarted();
        if (template.startsWith("/api/") || template.startsWith("/metrics") || template.equals("/healthz"))
            throw new IllegalArgumentException("page routes stay outside the API: " + template);
        extraRoutes.add(new Router.Route(method, template, Router.Access.OPEN, maxBody, handler));
        return this;
    }

    /**
     * Serves {@code path} with a handler that does its own authentication (the agents' ingest, whose tokens are not
     * API tokens); it shares the port, TLS and time limits. Call before {@link #start()}.
     */
    public synchronized NetwardenHttpServer addRawContext(String path, com.sun.net.httpserver.HttpHandler handler) {
        requireNotStarted();
        rawContexts.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    private Router router() {
        ApiHandlers api = new ApiHandlers(snapshots, games, blockTimeout);
        FlowLensHandlers flowLens = new FlowLensHandlers(snapshots);
        MetricsExposition exposition = new MetricsExposition(registry);
        Supplier<Health> health = this.health;
        List<Router.Route> routes = new ArrayList<>(extraRoutes); // first: they may replace a built-in answer
        routes.addAll(List.of(
                new Router.Route("GET", "/healthz", false, r -> healthz(health.get())),
                new Router.Route("GET", "/metrics", metricsAccess(), 0, r -> {
                    MetricsExposition.Scrape scrape = exposition.scrape(r.headers().getFirst("Accept"));
                    return new Response(200, scrape.contentType(), scrape.body(), Map.of());
                }),
                new Router.Route("GET", "/api/v1/services", true, api::services),
                new Router.Route("GET", "/api/v1/services/{id}", true, api::service),
                new Router.Route("GET", "/api/v1/services/{id}/players", true, api::players),
                new Router.Route("GET", "/api/v1/services/{id}/windows", true, api::windows),
                new Router.Route("GET", "/api/v1/services/{id}/incidents", true, api::serviceIncidents),
                new Router.Route("GET", "/api/v1/incidents", true, api::incidents),
                new Router.Route("GET", "/metrics/servers", true, flowLens::servers),
                new Router.Route("GET", "/metrics/servers/{id}", true, flowLens::server)));
        if (maintenance != null) routes.addAll(maintenance.routes());
        if (alertReceiver != null)
            routes.add(new Router.Route("POST", AlertmanagerReceiver.PATH, Router.Access.TOKEN,
                    AlertmanagerReceiver.MAX_BODY, alertReceiver::receive));
        return new Router(routes);
    }

    private static Response healthz(Health h) {
        var body = SnapshotJson.object().put("status", h.status());
        if (h.reason() != null) body.put("reason", h.reason());
        return Response.json(h.healthy() ? 200 : 503, body, Map.of("Cache-Control", "no-store"));
    }

    private Router.Access metricsAccess() {
        boolean basic = metricsBasicAuth != BasicAuthenticator.NONE;
        if (config.metricsAuth()) return basic ? Router.Access.TOKEN_OR_BASIC : Router.Access.TOKEN;
        return basic ? Router.Access.BASIC : Router.Access.OPEN;
    }
}
