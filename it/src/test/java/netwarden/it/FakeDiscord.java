package netwarden.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import netwarden.model.Clock;
import netwarden.server.tls.TlsServerConfig;
import netwarden.server.tls.TlsServerFactory;

/**
 * A local server playing Discord's webhook endpoint ({@code POST /api/webhooks/ID/TOKEN}): it
 * records every JSON body and answers as Discord does (204, or 200 with a message when
 * {@code ?wait=true}). Over HTTPS its certificate is the deployment's server certificate (names
 * 127.0.0.1), for Alertmanager, which is told the CA; over plain HTTP for netwarden's notifier,
 * which trusts only the system CAs.
 */
final class FakeDiscord implements AutoCloseable {
    record Post(String path, String body) {}

    final List<Post> posts = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private final String scheme;

    /** HTTPS with the certificate in {@code tlsDir}, or plain HTTP when it is null. */
    FakeDiscord(Path tlsDir) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        scheme = tlsDir == null ? "http" : "https";
        server = tlsDir == null ? HttpServer.create(loopback, 0)
                : TlsServerFactory.load(TlsServerConfig.of(tlsDir.resolve("server.pem"), tlsDir.resolve("server-key.pem")),
                        Clock.SYSTEM).create(loopback, 0);
        server.createContext("/api/webhooks/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
                if (!exchange.getRequestMethod().equals("POST") || !json) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                posts.add(new Post(exchange.getRequestURI().toString(), body));
                String query = String.valueOf(exchange.getRequestURI().getQuery());
                if (query.contains("wait=true")) {
                    byte[] answer = "{\"id\":\"1\",\"type\":0}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String webhookUrl() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/api/webhooks/1234567890/test-token";
    }

    boolean received(String text) {
        return posts.stream().anyMatch(p -> p.body().contains(text));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
