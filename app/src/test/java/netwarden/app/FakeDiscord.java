package netwarden.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A local server on 127.0.0.1 playing a Discord webhook ({@code POST /api/webhooks/ID/TOKEN}):
 * it records the title of every embed it receives, in arrival order, and answers 204 as Discord does.
 */
public final class FakeDiscord implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> titles = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public FakeDiscord() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/webhooks/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                bodies.add(body);
                for (JsonNode embed : JSON.readTree(body).path("embeds")) titles.add(embed.path("title").asText());
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    /** The webhook URL to give netwarden (its path holds the "token", as Discord's does). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/webhooks/1234567890/secret-webhook-token";
    }

    public List<String> titles() {
        return List.copyOf(titles);
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Waits until the titles received so far satisfy {@code until}; fails with what arrived after {@code timeout}. */
    public List<String> await(Duration timeout, Predicate<List<String>> until) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> now = titles();
            if (until.test(now)) return now;
            Thread.sleep(20);
        }
        throw new AssertionError("Discord did not get what was expected within " + timeout + "; titles: " + new ArrayList<>(titles));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
