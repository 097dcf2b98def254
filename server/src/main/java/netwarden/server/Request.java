package netwarden.server;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * A matched request as handlers see it.
 *
 * @param pathParams values of the route's {@code {name}} segments, percent-decoded
 * @param headers    request headers
 * @param token      the authenticated token, or null on routes open to all
 */
public record Request(Map<String, String> pathParams, Headers headers, ApiToken token) {
    public Request {
        pathParams = Map.copyOf(pathParams);
    }

    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) throw new IllegalArgumentException("route has no parameter " + name);
        return v;
    }
}
