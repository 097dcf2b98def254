package netwarden.server;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * A matched request as handlers see it.
 *
 * @param pathParams values of the route's {@code {name}} segments, percent-decoded
 * @param headers    request headers
 * @param token      the authenticated token, or null on routes open to all and for basic-auth users
 * @param body       the request body; empty unless the route reads bodies (see its body limit)
 * @param query      query parameters, percent-decoded; the first value of a repeated name wins
 */
public record Request(Map<String, String> pathParams, Headers headers, ApiToken token, byte[] body, Map<String, String> query) {
    private static final byte[] NO_BODY = new byte[0];

    public Request {
        pathParams = Map.copyOf(pathParams);
        body = body == null ? NO_BODY : body;
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** A request without query parameters. */
    public Request(Map<String, String> pathParams, Headers headers, ApiToken token, byte[] body) {
        this(pathParams, headers, token, body, Map.of());
    }

    /** A request without a body. */
    public Request(Map<String, String> pathParams, Headers headers, ApiToken token) {
        this(pathParams, headers, token, NO_BODY);
    }

    /** Parses a raw query string ({@code a=1&b=x%20y}); malformed pairs are skipped, not fatal. */
    public static Map<String, String> parseQuery(String raw) {
        var out = new java.util.LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq), v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a bad %-escape: ignore the pair
            }
        }
        return out;
    }

    /** A query parameter, or null. */
    public String query(String name) {
        return query.get(name);
    }

    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) throw new IllegalArgumentException("route has no parameter " + name);
        return v;
    }
}
