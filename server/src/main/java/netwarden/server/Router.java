package netwarden.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a method and raw path against route templates such as {@code /api/v1/services/{id}}.
 * A {@code {name}} segment matches one non-empty path segment and is percent-decoded. Immutable.
 */
final class Router {
    /** Who may call a route. */
    enum Access {
        /** Everyone. */
        OPEN,
        /** Holders of a bearer token. */
        TOKEN,
        /** Users with basic-auth credentials. */
        BASIC,
        /** Either of the two. */
        TOKEN_OR_BASIC
    }

    /**
     * One endpoint.
     *
     * @param maxBody largest request body the route reads, in bytes; 0 means the route reads no
     *                body and the server-wide limit applies to what clients declare
     */
    record Route(String method, String template, Access access, int maxBody, Handler handler) {
        Route {
            if (maxBody < 0) throw new IllegalArgumentException("maxBody must be >= 0: " + maxBody);
        }

        /** A body-less route, open to everyone or to bearer-token holders. */
        Route(String method, String template, boolean authenticated, Handler handler) {
            this(method, template, authenticated ? Access.TOKEN : Access.OPEN, 0, handler);
        }

        boolean authenticated() {
            return access != Access.OPEN;
        }

        List<String> segments() {
            return split(template);
        }
    }

    sealed interface Match permits Found, WrongMethod, NotFound {}

    record Found(Route route, Map<String, String> params) implements Match {}

    record WrongMethod(String template, Set<String> allowed) implements Match {}

    record NotFound() implements Match {}

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Match match(String method, String rawPath) {
        List<String> path = split(rawPath);
        Set<String> allowed = new TreeSet<>();
        String template = null;
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments(), path);
            if (params == null) continue;
            if (r.method().equals(method)) return new Found(r, params);
            allowed.add(r.method());
            template = r.template();
        }
        return template == null ? new NotFound() : new WrongMethod(template, allowed);
    }

    /** The parameters when {@code path} fits {@code template}, else null. */
    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String p = path.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                String value = decode(p);
                if (value == null || value.isEmpty()) return null;
                params.put(t.substring(1, t.length() - 1), value);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return params;
    }

    /** Percent-decodes one segment ('+' stays a plus in paths); null when the escapes are malformed. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        if (path == null || !path.startsWith("/")) return out;
        // -1 keeps a trailing empty segment, so "/api/v1/services/" does not match "/api/v1/services".
        for (String s : path.substring(1).split("/", -1)) out.add(s);
        return out;
    }
}
