package netwarden.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import netwarden.wire.JsonText;

/** What a handler answers: status, body with its content type, and any extra headers. Immutable. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public Response {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        if (status < 100 || status > 599) throw new IllegalArgumentException("status must be 100..599: " + status);
    }

    public static Response json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static Response json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new Response(status, JSON, JsonText.mapper().writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }
}
