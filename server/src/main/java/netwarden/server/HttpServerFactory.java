package netwarden.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the unstarted, bound JDK server. The one place that chooses the server class, so HTTPS
 * can come in as a factory returning a configured {@code HttpsServer}.
 */
@FunctionalInterface
public interface HttpServerFactory {
    HttpServer create(InetSocketAddress listen, int backlog) throws IOException;

    /** Plain HTTP. */
    HttpServerFactory PLAIN = HttpServer::create;
}
