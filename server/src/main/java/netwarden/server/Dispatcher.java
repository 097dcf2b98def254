package netwarden.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * The one JDK handler: routes, authenticates, calls the handler, writes the answer and counts it in
 * {@code netwarden_http_requests_total{path, status}} (path is the route template, or "unmatched",
 * so scanners cannot grow the label set). A handler that throws gives a 500 JSON error.
 *
 * <p>Order: unknown paths get 404 and wrong methods 405 before authentication (the route table is
 * no secret); every matched route except the open ones then needs a valid bearer token, so an
 * unknown service id answers 401 to strangers and 404 only to token holders.
 */
final class Dispatcher implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    static final String UNMATCHED = "unmatched";

    private final Router router;
    private final ApiTokens tokens;
    private final int maxRequestBody;
    private final Counter requests;

    Dispatcher(Router router, ApiTokens tokens, int maxRequestBody, Counter requests) {
        this.router = router;
        this.tokens = tokens;
        this.maxRequestBody = maxRequestBody;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String pathLabel = UNMATCHED;
        Response response;
        try {
            Router.Match match = router.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            pathLabel = switch (match) {
                case Router.Found f -> f.route().template();
                case Router.WrongMethod w -> w.template();
                case Router.NotFound n -> UNMATCHED;
            };
            response = answer(exchange, match);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request " + exchange.getRequestMethod() + " " + pathLabel + " failed", e);
            response = JsonErrors.of(500, "internal error");
        }
        requests.labelValues(pathLabel, Integer.toString(response.status())).inc();
        write(exchange, response);
    }

    private Response answer(HttpExchange exchange, Router.Match match) throws Exception {
        if (declaredBodyLength(exchange) > maxRequestBody) return JsonErrors.of(413, "request body too large");
        return switch (match) {
            case Router.NotFound n -> JsonErrors.notFound("no such endpoint");
            case Router.WrongMethod w -> JsonErrors.methodNotAllowed(exchange.getRequestMethod(), w.allowed());
            case Router.Found f -> {
                ApiToken token = null;
                if (f.route().authenticated()) {
                    Optional<ApiToken> t = tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
                    if (t.isEmpty()) yield JsonErrors.unauthorized();
                    token = t.get();
                }
                yield f.route().handler().handle(new Request(f.params(), exchange.getRequestHeaders(), token));
            }
        };
    }

    /** The Content-Length the client declared; chunked bodies count as too large. */
    private static long declaredBodyLength(HttpExchange exchange) {
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) return Long.MAX_VALUE;
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) return 0;
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> h : response.headers().entrySet()) headers.set(h.getKey(), h.getValue());
        byte[] body = response.body();
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            out.write(body);
        }
    }
}
