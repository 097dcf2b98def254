package netwarden.sinks.notify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 (port chosen by the OS) that records requests and answers as the test says. */
public final class LocalHttp implements AutoCloseable {
    /** One request as received. */
    public record Request(String method, String path, Headers headers, byte[] body) {}

    /** The answer to give. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply noContent() {
            return new Reply(204, Map.of(), "");
        }
    }

    /** Decides the answer; runs one request at a time. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request r) throws Exception;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LocalHttp(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(), ex.getRequestBody().readAllBytes());
                requests.add(r);
                Reply reply;
                try {
                    reply = handler.handle(r);
                } catch (Exception e) {
                    reply = new Reply(500, Map.of(), e.toString());
                }
                reply.headers().forEach(ex.getResponseHeaders()::add);
                byte[] body = reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
