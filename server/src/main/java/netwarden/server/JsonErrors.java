package netwarden.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netwarden.sinks.json.SnapshotJson;

/** Error answers as JSON {@code {"error": "...", "status": N}}, with the headers each status needs. */
final class JsonErrors {
    private JsonErrors() {}

    static Response of(int status, String message) {
        return of(status, message, Map.of());
    }

    /** 401 with the challenge RFC 6750 asks for. */
    static Response unauthorized() {
        return of(401, "missing or invalid bearer token", Map.of("WWW-Authenticate", "Bearer realm=\"netwarden\""));
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
