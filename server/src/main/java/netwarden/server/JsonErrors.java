package netwarden.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netwarden.wire.SnapshotJson;

/** Error answers as JSON {@code {"error": "...", "status": N}}, with the headers each status needs. */
public final class JsonErrors {
    private JsonErrors() {}

    /** {@code {"error": message, "status": status}} with that status. */
    public static Response of(int status, String message) {
        return of(status, message, Map.of());
    }

    /** 401 with the challenge RFC 6750 asks for. */
    static Response unauthorized() {
        return unauthorized(Router.Access.TOKEN);
    }

    /** 401 with the challenges (RFC 6750 bearer, RFC 7617 basic) the route accepts. */
    static Response unauthorized(Router.Access access) {
        String bearer = "Bearer realm=\"netwarden\"", basic = "Basic realm=\"netwarden\", charset=\"UTF-8\"";
        return switch (access) {
            case OPEN, TOKEN -> of(401, "missing or invalid bearer token", Map.of("WWW-Authenticate", bearer));
            case BASIC -> of(401, "missing or invalid basic-auth credentials", Map.of("WWW-Authenticate", basic));
            case TOKEN_OR_BASIC -> of(401, "missing or invalid bearer token or basic-auth credentials",
                    Map.of("WWW-Authenticate", bearer + ", " + basic));
        };
    }

    /** 405 with the methods the path does allow. */
    static Response methodNotAllowed(String method, Set<String> allowed) {
        return of(405, "method " + method + " not allowed", Map.of("Allow", String.join(", ", new TreeSet<>(allowed))));
    }

    static Response notFound(String what) {
        return of(404, what);
    }

    private static Response of(int status, String message, Map<String, String> headers) {
        ObjectNode n = SnapshotJson.object();
        n.put("error", message);
        n.put("status", status);
        return Response.json(status, n, headers);
    }
}
