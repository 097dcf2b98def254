package netwarden.ship.receive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/ingest}: one batch per request, {@code Authorization: Bearer <agent token>}.
 * Answers 200 {@code {"result":"STORED|DUPLICATE|GAP"}}; 401 without a known token; 403 for a
 * revoked agent, a server credential, or a batch of another agent; 400 for a batch that does not
 * parse; 413 past {@link #MAX_BODY}; 503 when the ledger failed (the agent retries).
 */
public final class IngestHandler implements HttpHandler {
    public static final String PATH = "/api/v1/ingest";
    public static final int MAX_BODY = 32 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final BatchReceiver receiver;
    private final AgentCredentials credentials;

    public IngestHandler(BatchReceiver receiver, AgentCredentials credentials) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                send(ex, 405, "method not allowed");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
            String agent;
            switch (credentials.identify(token)) {
                case AgentCredentials.Agent a -> agent = a.agentId();
                case AgentCredentials.Revoked r -> {
                    receiver.refused.increment();
                    send(ex, 403, "agent " + r.agentId() + " is revoked");
                    return;
                }
                case AgentCredentials.Server s -> {
                    receiver.refused.increment();
                    send(ex, 403, "a server credential cannot ship as an agent");
                    return;
                }
                case AgentCredentials.Unknown u -> {
                    receiver.refused.increment();
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    send(ex, 401, "an agent token is required");
                    return;
                }
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(ex, 413, "a batch may have at most " + MAX_BODY + " bytes");
                return;
            }
            ShipBatch batch;
            try {
                batch = BatchCodec.decode(body);
            } catch (ShipFormatException e) {
                receiver.refused.increment();
                LOG.debug("agent {}: bad batch: {}", agent, e.getMessage());
                send(ex, 400, "bad batch: " + e.getMessage());
                return;
            }
            try {
                StoreResult r = receiver.receive(agent, batch);
                send(ex, 200, null, "{\"result\":\"" + r + "\",\"seq\":" + batch.sequence() + "}");
            } catch (BatchReceiver.ForeignAgentException e) {
                send(ex, 403, e.getMessage());
            } catch (LedgerException e) {
                LOG.debug("ingest from {} failed: {}", agent, e.getMessage());
                send(ex, 503, "storage unavailable, retry");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String error) throws IOException {
        send(ex, status, error, null);
    }

    private static void send(HttpExchange ex, int status, String error, String json) throws IOException {
        String body = json != null ? json : "{\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
