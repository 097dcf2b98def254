package netwarden.sinks.notify.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import netwarden.sinks.notify.config.WebhookUrl;

/**
 * POSTs a body with java.net.http and classifies the answer: 2xx sent; 429 rate limited (waiting
 * the JSON {@code retry_after} seconds, else the {@code Retry-After} header, else 1 s); 408 and 5xx
 * and network errors retryable; other 4xx permanent. Error messages show the URL as scheme://host/… only.
 */
public final class HttpPost implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    public HttpPost(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends and returns the response when it is 2xx; throws the classified DeliveryException otherwise. */
    public HttpResponse<String> post(URI uri, String contentType, byte[] body, Map<String, String> headers) throws DeliveryException {
        String where = WebhookUrl.redact(uri);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .header("User-Agent", "netwarden").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.retryable("POST " + where + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.permanent("POST " + where + " interrupted");
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) return r;
        String what = "POST " + where + " answered HTTP " + status;
        if (status == 429) throw DeliveryException.rateLimited(what, retryAfter(r));
        if (status == 408 || status >= 500) throw new DeliveryException(DeliveryException.Kind.RETRYABLE, what, headerSeconds(r, "Retry-After").orElse(Duration.ZERO), null);
        throw DeliveryException.permanent(what + scrub(snippet(r.body()), uri, where));
    }

    /** The wait a 429 asks for: JSON {@code retry_after} (seconds, fractional), else Retry-After, else 1 s. */
    static Duration retryAfter(HttpResponse<String> r) {
        try {
            JsonNode body = MAPPER.readTree(r.body());
            if (body != null && body.path("retry_after").isNumber()) return seconds(body.path("retry_after").asDouble());
        } catch (IOException | RuntimeException e) {
            // not JSON: fall back to the header
        }
        return headerSeconds(r, "Retry-After").orElse(Duration.ofSeconds(1));
    }

    /** A header holding seconds (possibly fractional). */
    public static Optional<Duration> headerSeconds(HttpResponse<?> r, String name) {
        Optional<String> v = r.headers().firstValue(name);
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(seconds(Double.parseDouble(v.get().strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Duration seconds(double s) {
        if (!(s >= 0) || s > 3600) s = s > 3600 ? 3600 : 0; // NaN, negative or absurd
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** Some servers echo the request URL in error pages; the path may hold a token. */
    private static String scrub(String text, URI uri, String where) {
        String s = text.replace(uri.toString(), where);
        String path = uri.getRawPath();
        return path != null && path.length() > 1 ? s.replace(path, "/…") : s;
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) return "";
        String s = body.strip().replaceAll("\\s+", " ");
        return ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }

    @Override
    public void close() {
        client.close();
    }
}
