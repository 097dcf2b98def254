package netwarden.ship.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import netwarden.model.Clock;
import netwarden.ship.receive.AgentCredentials;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.IngestHandler;
import netwarden.ship.receive.StoreLedger;
import netwarden.store.DuckDbStore;
import netwarden.store.Shipped;
import netwarden.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost" into the server's store (what {@code netwarden server} runs): an agent in a child JVM shipping the
 * store's rows is killed with SIGKILL mid-stream and started again; the store then holds every row the agent made
 * durable and everything of the second run, each once, in its typed tables, with the mark at the last sequence and
 * no gap.
 */
class StoreNothingLostTest {
    static final String TOKEN = "agent-token-for-store-tests-01";
    @TempDir Path tmp;

    @Test
    void killDashNineOfTheAgentMidStreamThenRestart() throws Exception {
        Path db = tmp.resolve("server.duckdb");
        Store store = new DuckDbStore(db);
        store.start();
        StoreLedger ledger = new StoreLedger(store, Clock.SYSTEM, 50_000, r -> {});
        ledger.start();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(IngestHandler.PATH, new IngestHandler(new BatchReceiver(ledger), new AgentCredentials().addAgent("kill9", TOKEN)));
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        long durable;
        Process p = child(url, 0, -1);
        try {
            String line = NothingLostHttpTest.readUntil(NothingLostHttpTest.out(p), l -> l.startsWith("durable ") && Long.parseLong(l.substring(8)) >= 1_000);
            assertThat(line).isNotNull();
            durable = Long.parseLong(line.substring(8));
        } finally {
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
        }
        NothingLostHttpTest.runToEnd(child(url, 1_000_000, 1_000));
        server.stop(0);
        ledger.close();
        Shipped.Mark mark = store.marks().getFirst();
        assertThat(store.marks()).hasSize(1);
        assertThat(store.gaps("kill9")).isEmpty();
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); var st = c.createStatement()) {
            long[] before = ids(st, 0, 1_000_000), after = ids(st, 1_000_000, 2_000_000);
            assertThat(before[0]).as("no row twice").isEqualTo(before[1]);
            assertThat(before[2]).isZero();
            assertThat(before[3]).as("contiguous from 0, at least what was durable").isEqualTo(before[0] - 1).isGreaterThanOrEqualTo(durable);
            assertThat(after).containsExactly(1_000, 1_000, 1_000_000, 1_000_999);
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM events WHERE ts_ms % 3 <> 0) + (SELECT count(*) FROM rollup_1s WHERE ts % 3 = 0)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("every row in its table").isZero();
            }
            assertThat(mark.rows()).isEqualTo(before[0] + 1_000);
        }
    }

    /** {rows, distinct ids, min, max} over both tables for ids in [lo, hi). */
    private static long[] ids(java.sql.Statement st, long lo, long hi) throws Exception {
        String all = "(SELECT ts_ms AS id FROM events WHERE agent = 'kill9' UNION ALL SELECT ts AS id FROM rollup_1s WHERE agent = 'kill9')";
        try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id), coalesce(min(id), -1), coalesce(max(id), -1) FROM " + all
                + " WHERE id >= " + lo + " AND id < " + hi)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private Process child(String url, long from, long count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), AgentChild.class.getName(),
                tmp.resolve("spool").toString(), url, TOKEN, "kill9", Long.toString(from), Long.toString(count), Long.toString(64L << 20), "store")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
