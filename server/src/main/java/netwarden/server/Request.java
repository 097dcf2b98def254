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
 */
public record Request(Map<String, String> pathParams, Headers headers, ApiToken token, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];

    public Request {
        pathParams = Map.copyOf(pathParams);
        body = body == null ? NO_BODY : body;
    }

    /** A request without a body. */
    public Request(Map<String, String> pathParams, Headers headers, ApiToken token) {
        this(pathParams, headers, token, NO_BODY);
    }

    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) throw new IllegalArgumentException("route has no parameter " + name);
        return v;
    }
}
