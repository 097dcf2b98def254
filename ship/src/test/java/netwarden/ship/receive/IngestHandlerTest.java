package netwarden.ship.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP edge: who may write what. The ledger here is an in-memory one; the JDBC one has its own test. */
class IngestHandlerTest {
    static final String A1 = "token-of-agent-one-0001", A2 = "token-of-agent-two-0002", SERVER = "token-of-the-server-0003";
    HttpServer server;
    final List<ShipBatch> stored = new ArrayList<>();
    AgentCredentials creds = new AgentCredentials().addAgent("a1", A1).addAgent("a2", A2).addServer(SERVER);
    URI uri;

    @BeforeEach
    void start() throws Exception {
        AgentLedger mem = new AgentLedger() {
            public synchronized StoreResult storeIfNew(ShipBatch b) {
                stored.add(b);
                return StoreResult.STORED;
            }
            public long highWaterMark(String a, long e) { return 0; }
            public List<GapRecord> gaps(String a) { return List.of(); }
        };
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(IngestHandler.PATH, new IngestHandler(new BatchReceiver(mem), creds));
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + IngestHandler.PATH);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpResponse<String> post(String token, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static byte[] batch(String agent) {
        return BatchCodec.encode(new ShipBatch(agent, 1, 1, null, List.of(new ShipRow("events", new ObjectMapper().createObjectNode().put("k", 1)))));
    }

    @Test
    void anAgentWritesOnlyItsOwnData() throws Exception {
        HttpResponse<String> ok = post(A1, batch("a1"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"result\":\"STORED\",\"seq\":1}");
        assertThat(post(A1, batch("a2")).statusCode()).isEqualTo(403);
        assertThat(stored).extracting(ShipBatch::agentId).containsExactly("a1");
    }

    @Test
    void refusesUnknownRevokedAndServerCredentialsAndBadBatches() throws Exception {
        assertThat(post(null, batch("a1")).statusCode()).isEqualTo(401);
        assertThat(post("not-a-token-of-anyone", batch("a1")).statusCode()).isEqualTo(401);
        assertThat(post(SERVER, batch("a1")).statusCode()).isEqualTo(403);
        creds.revoke("a2");
        HttpResponse<String> revoked = post(A2, batch("a2"));
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(revoked.body()).contains("revoked");
        assertThat(post(A1, "{\"v\":1,".getBytes()).statusCode()).isEqualTo(400);
        assertThat(post(A1, "{\"v\":9}".getBytes()).statusCode()).isEqualTo(400);
        assertThat(stored).isEmpty();
        try (HttpClient c = HttpClient.newHttpClient()) {
            assertThat(c.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        }
    }
}
