package netwarden.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JDK handler: routes, authenticates, calls the handler, writes the answer and counts it in
 * {@code netwarden_http_requests_total{path, status}} (path is the route template, or "unmatched",
 * so scanners cannot grow the label set). A handler that throws gives a 500 JSON error.
 *
 * <p>Order: unknown paths get 404 and wrong methods 405 before authentication (the route table is
 * no secret); every matched route except the open ones then needs a valid bearer token (or basic-auth
 * credentials where the route allows them), so an unknown service id answers 401 to strangers and
 * 404 only to token holders. Routes that read a body get it read whole, up to their own limit (413
 * beyond it, chunked bodies included), only after authentication succeeded.
 */
final class Dispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String UNMATCHED = "unmatched";

    private final Router router;
    private final ApiTokens tokens;
    private final BasicAuthenticator basicAuth;
    private final int maxRequestBody;
    private final Counter requests;
    private final Runnable requestRead;

    /** @param requestRead called on the exchange's thread once its request is read (the response time limit starts) */
    Dispatcher(Router router, ApiTokens tokens, BasicAuthenticator basicAuth, int maxRequestBody, Counter requests,
               Runnable requestRead) {
        this.router = router;
        this.tokens = tokens;
        this.basicAuth = basicAuth;
        this.maxRequestBody = maxRequestBody;
        this.requests = requests;
        this.requestRead = requestRead;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String pathLabel = UNMATCHED;
        Response response;
        try {
            // HEAD is GET without the body (RFC 9110 9.3.2): same route, same checks, same status and headers.
            Router.Match match = router.match(isHead(exchange) ? "GET" : exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            pathLabel = switch (match) {
                case Router.Found f -> f.route().template();
                case Router.WrongMethod w -> w.template();
                case Router.NotFound n -> UNMATCHED;
            };
            response = answer(exchange, match);
        } catch (Exception e) {
            LOG.warn("request {} {} failed", exchange.getRequestMethod(), pathLabel, e);
            response = JsonErrors.of(500, "internal error");
        }
        requests.labelValues(pathLabel, Integer.toString(response.status())).inc();
        requestRead.run(); // a body was read by now, or is left unread (413, no body route)
        write(exchange, response);
    }

    private Response answer(HttpExchange exchange, Router.Match match) throws Exception {
        boolean readsBody = match instanceof Router.Found f && f.route().maxBody() > 0;
        int limit = readsBody ? ((Router.Found) match).route().maxBody() : maxRequestBody;
        long declared = declaredBodyLength(exchange);
        if (declared > limit && !(readsBody && declared == CHUNKED)) return JsonErrors.of(413, "request body too large");
        return switch (match) {
            case Router.NotFound n -> JsonErrors.notFound("no such endpoint");
            case Router.WrongMethod w -> JsonErrors.methodNotAllowed(exchange.getRequestMethod(), withHead(w.allowed()));
            case Router.Found f -> {
                Caller caller = authenticate(f.route().access(), exchange.getRequestHeaders().getFirst("Authorization"));
                if (!caller.allowed()) yield JsonErrors.unauthorized(f.route().access());
                byte[] body = null;
                if (f.route().maxBody() > 0) {
                    body = readBody(exchange, f.route().maxBody());
                    if (body == null) yield JsonErrors.of(413, "request body too large");
                }
                yield f.route().handler().handle(new Request(f.params(), exchange.getRequestHeaders(), caller.token(), body,
                        Request.parseQuery(exchange.getRequestURI().getRawQuery())));
            }
        };
    }

    private static boolean isHead(HttpExchange exchange) {
        return "HEAD".equals(exchange.getRequestMethod());
    }

    private static Set<String> withHead(Set<String> allowed) {
        if (!allowed.contains("GET")) return allowed;
        var all = new TreeSet<>(allowed);
        all.add("HEAD");
        return all;
    }

    /** Whether the caller may use the route, and the bearer token it used (null for open routes and basic auth). */
    private record Caller(boolean allowed, ApiToken token) {}

    private Caller authenticate(Router.Access access, String authorization) {
        if (access == Router.Access.OPEN) return new Caller(true, null);
        if (access != Router.Access.BASIC) {
            Optional<ApiToken> t = tokens.authenticate(authorization);
            if (t.isPresent()) return new Caller(true, t.get());
        }
        boolean basic = access != Router.Access.TOKEN && basicAuth.authenticate(authorization).isPresent();
        return new Caller(basic, null);
    }

    /**
     * The whole body, or null when it is longer than {@code limit}. The stream is left open: closing
     * it drains what is left, which for an endless chunked body would block before the 413 is sent;
     * the exchange's close drains a little and then drops the connection.
     */
    private static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    /** Marks a body sent without Content-Length: too large unless the route reads and bounds bodies itself. */
    private static final long CHUNKED = Long.MAX_VALUE;

    /** The Content-Length the client declared, {@link #CHUNKED} without one, MAX_VALUE - 1 when unreadable. */
    private static long declaredBodyLength(HttpExchange exchange) {
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) return CHUNKED;
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) return 0;
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE - 1;
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
            if (isHead(exchange)) {
                exchange.sendResponseHeaders(response.status(), -1); // no body, and the JDK sends no length for HEAD
                return;
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            out.write(body);
        }
    }
}
