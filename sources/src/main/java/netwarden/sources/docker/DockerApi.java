package netwarden.sources.docker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The few Engine API calls discovery makes, each on its own connection: version negotiation, container
 * list and inspect, and opening the event stream.
 */
final class DockerApi {
    /** Oldest API with the filters used here; newest this client was written against (the daemon serves older ones). */
    static final String MIN_VERSION = "1.24", MAX_VERSION = "1.47";
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_BODY = 16 << 20;

    private final Path socket;
    private final Duration timeout;
    private final DockerCounters counters;
    private String version = MAX_VERSION;

    DockerApi(Path socket, Duration timeout, DockerCounters counters) {
        this.socket = socket;
        this.timeout = timeout;
        this.counters = counters;
    }

    String version() { return version; }

    /** {@code GET /_ping}: its API-Version header, capped at {@link #MAX_VERSION}; else {@code GET /version}. */
    String negotiate() throws IOException, DockerProtocolException {
        String server;
        try (DockerConnection c = DockerConnection.open(socket)) {
            long deadline = deadline();
            HttpHead h = c.get("/_ping", deadline);
            c.body(deadline, 1024);
            counters.bytes(c.bytesRead);
            server = h.status() == 200 ? h.header("api-version") : null;
        }
        if (server == null) server = json("/version").path("ApiVersion").asText(null);
        if (server == null || !server.matches("\\d+\\.\\d+")) throw new DockerProtocolException("daemon reports no API version");
        if (compare(server, MIN_VERSION) < 0) throw new DockerProtocolException("daemon API " + server + " is older than " + MIN_VERSION);
        version = compare(server, MAX_VERSION) < 0 ? server : MAX_VERSION;
        return version;
    }

    /** Running containers carrying the labels (ids only; inspect gives the rest). */
    List<String> runningIds(List<String> labels) throws IOException, DockerProtocolException {
        JsonNode list = json("/v" + version + "/containers/json" + (labels.isEmpty() ? "" : "?filters=" + filters(labels, false)));
        if (!list.isArray()) throw new DockerProtocolException("container list is not a JSON array");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.path("Id").asText("")).filter(s -> !s.isEmpty()).toList();
    }

    /** The inspect JSON, or null when the container is gone (404). */
    Container inspect(String id) throws IOException, DockerProtocolException {
        counters.inspect();
        try (DockerConnection c = DockerConnection.open(socket)) {
            long deadline = deadline();
            HttpHead h = c.get("/v" + version + "/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/json", deadline);
            byte[] body = c.body(deadline, MAX_BODY);
            counters.bytes(c.bytesRead);
            if (h.status() == 404) return null;
            if (h.status() != 200) throw new DockerProtocolException("inspect " + id + ": HTTP " + h.status());
            return Container.fromInspect(parse(body));
        }
    }

    /** Opens {@code GET /events} for container start/die/stop/destroy; the caller reads the stream. */
    DockerConnection events(List<String> labels) throws IOException, DockerProtocolException {
        DockerConnection c = DockerConnection.open(socket);
        try {
            HttpHead h = c.get("/v" + version + "/events?filters=" + filters(labels, true), deadline());
            if (h.status() != 200) throw new DockerProtocolException("events: HTTP " + h.status());
            return c;
        } catch (IOException | DockerProtocolException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private JsonNode json(String target) throws IOException, DockerProtocolException {
        try (DockerConnection c = DockerConnection.open(socket)) {
            long deadline = deadline();
            HttpHead h = c.get(target, deadline);
            byte[] body = c.body(deadline, MAX_BODY);
            counters.bytes(c.bytesRead);
            if (h.status() != 200) throw new DockerProtocolException(target + ": HTTP " + h.status());
            return parse(body);
        }
    }

    static JsonNode parse(byte[] body) throws DockerProtocolException {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new DockerProtocolException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DockerProtocolException("not JSON: " + e);
        }
    }

    /** The filters query value: {@code {"label":[...]}} plus, for events, container start/die/stop/destroy. */
    static String filters(List<String> labels, boolean events) {
        var f = JSON.createObjectNode();
        if (!labels.isEmpty()) labels.forEach(f.putArray("label")::add);
        if (events) {
            f.putArray("type").add("container");
            var ev = f.putArray("event");
            for (String e : new String[] {"start", "die", "stop", "destroy"}) ev.add(e);
        }
        return URLEncoder.encode(f.toString(), StandardCharsets.UTF_8);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }
}
