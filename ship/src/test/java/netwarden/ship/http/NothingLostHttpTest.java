package netwarden.ship.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import netwarden.ship.receive.AgentCredentials;
import netwarden.ship.receive.AgentLedger;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.IngestHandler;
import netwarden.ship.receive.JdbcAgentLedger;
import netwarden.ship.receive.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost" over HTTP: agents in child JVMs ship to an ingest handler storing into a real
 * PostgreSQL; after a kill -9 of the agent, a server outage and a PostgreSQL restart the server
 * holds exactly the rows produced, each once, checked by id, per table and by sequence.
 */
class NothingLostHttpTest {
    static final String TOKEN = "agent-token-for-tests-0001";
    @TempDir static Path tmp;
    static TestPostgres pg;
    static JdbcAgentLedger ledger;
    static BatchReceiver receiver;
    static AgentCredentials creds = new AgentCredentials();
    static int port;
    HttpServer server;

    @BeforeAll
    static void startDb() throws Exception {
        pg = new TestPostgres(tmp.resolve("pg"));
        ledger = new JdbcAgentLedger(pg.dataSource());
        ledger.createSchema();
        receiver = new BatchReceiver(ledger);
        for (String a : new String[] {"kill9", "outage", "pgrestart", "fullspool"}) creds.addAgent(a, TOKEN + "-" + a);
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    @AfterAll
    static void stopDb() throws Exception {
        pg.close();
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop(0);
    }

    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(IngestHandler.PATH, new IngestHandler(receiver, creds));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static Process agent(String id, long from, long count, long spoolBytes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), AgentChild.class.getName(),
                tmp.resolve("spool-" + id).toString(), "http://127.0.0.1:" + port, TOKEN + "-" + id, id,
                Long.toString(from), Long.toString(count), Long.toString(spoolBytes))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the agent's lines until {@code until} returns true for one (or the stream ends, or 3 min pass); returns that line. */
    static String readUntil(BufferedReader r, java.util.function.Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (String line; System.nanoTime() < deadline && (line = r.readLine()) != null; ) if (until.test(line)) return line;
        return null;
    }

    static BufferedReader out(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream()));
    }

    /** Runs a finite agent to the end; returns the rows it evicted. */
    static long runToEnd(Process p) throws Exception {
        BufferedReader r = out(p);
        String ev = readUntil(r, l -> l.startsWith("evicted "));
        String end = r.readLine();
        p.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
        assertThat(end).isEqualTo("drained");
        return Long.parseLong(ev.substring(8));
    }

    /** {rows, distinct ids, min id, max id} of {@code agent}'s ids in [lo, hi). */
    static long[] ids(String agent, long lo, long hi) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*), count(DISTINCT (data->>'id')::bigint), coalesce(min((data->>'id')::bigint), -1), coalesce(max((data->>'id')::bigint), -1)"
                        + " FROM ship_rows WHERE agent_id = ? AND (data->>'id')::bigint >= ? AND (data->>'id')::bigint < ?")) {
            q.setString(1, agent);
            q.setLong(2, lo);
            q.setLong(3, hi);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }

    /** Per table, the row count equals the count of ids with that remainder; the sequences stored are exactly 1..mark. */
    static void checkTablesAndSequences(String agent, long expectedTotal) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT tbl, count(*), sum(CASE WHEN (data->>'id')::bigint % 3 = CASE tbl WHEN 'events' THEN 0 WHEN 'flows' THEN 1 ELSE 2 END THEN 1 ELSE 0 END)"
                        + " FROM ship_rows WHERE agent_id = ? GROUP BY tbl")) {
            q.setString(1, agent);
            long total = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getLong(3)).as("rows of %s in the right table", rs.getString(1)).isEqualTo(rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            assertThat(total).isEqualTo(expectedTotal);
        }
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT r.epoch, count(DISTINCT r.seq), max(r.seq), h.hwm FROM ship_rows r JOIN ship_agent_hwm h USING (agent_id, epoch)"
                        + " WHERE agent_id = ? GROUP BY r.epoch, h.hwm")) {
            q.setString(1, agent);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(3)).as("mark = last sequence").isEqualTo(rs.getLong(4));
                assertThat(rs.getLong(2)).as("every sequence up to the mark, once").isEqualTo(rs.getLong(4));
                assertThat(rs.next()).as("one epoch").isFalse();
            }
        }
        assertThat(ledger.gaps(agent)).isEmpty();
    }

    @Test
    void killDashNineOfTheAgentMidStreamThenRestart() throws Exception {
        startServer();
        Process p = agent("kill9", 0, -1, 64L << 20);
        long durable;
        try {
            String line = readUntil(out(p), l -> l.startsWith("durable ") && Long.parseLong(l.substring(8)) >= 5_000);
            assertThat(line).isNotNull();
            durable = Long.parseLong(line.substring(8));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        runToEnd(agent("kill9", 1_000_000, 5_000, 64L << 20));
        long[] before = ids("kill9", 0, 1_000_000), after = ids("kill9", 1_000_000, 2_000_000);
        assertThat(before[0]).as("no row twice").isEqualTo(before[1]);
        assertThat(before[2]).isZero();
        assertThat(before[3]).as("contiguous from 0").isEqualTo(before[0] - 1).isGreaterThanOrEqualTo(durable);
        assertThat(after).containsExactly(5_000, 5_000, 1_000_000, 1_004_999);
        checkTablesAndSequences("kill9", before[0] + 5_000);
    }

    @Test
    void theServerIsDownWhileTheAgentSpoolsThenComesBack() throws Exception {
        Process p = agent("outage", 0, 20_000, 64L << 20);
        BufferedReader r = out(p);
        assertThat(readUntil(r, l -> l.startsWith("durable ") && Long.parseLong(l.substring(8)) >= 10_000)).isNotNull();
        Thread.sleep(3_000); // the outage, in seconds instead of minutes
        startServer();
        String ev = readUntil(r, l -> l.startsWith("evicted "));
        assertThat(ev).isEqualTo("evicted 0");
        assertThat(r.readLine()).isEqualTo("drained");
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(ids("outage", 0, Long.MAX_VALUE)).containsExactly(20_000, 20_000, 0, 19_999);
        checkTablesAndSequences("outage", 20_000);
    }

    @Test
    void postgresRestartsMidStream() throws Exception {
        startServer();
        Process p = agent("pgrestart", 0, 30_000, 64L << 20);
        BufferedReader r = out(p);
        assertThat(readUntil(r, l -> l.startsWith("durable ") && Long.parseLong(l.substring(8)) >= 8_000)).isNotNull();
        long failuresBefore = receiver.failures();
        pg.restart();
        assertThat(readUntil(r, l -> l.startsWith("evicted "))).isEqualTo("evicted 0");
        assertThat(r.readLine()).isEqualTo("drained");
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(ids("pgrestart", 0, Long.MAX_VALUE)).containsExactly(30_000, 30_000, 0, 29_999);
        checkTablesAndSequences("pgrestart", 30_000);
        org.slf4j.LoggerFactory.getLogger(getClass()).info("ledger failures during the restart: {}", receiver.failures() - failuresBefore);
    }

    @Test
    void aFullSpoolEvictsCountsAndTheServerRecordsTheGap() throws Exception {
        Process p = agent("fullspool", 0, 20_000, 256L << 10);
        BufferedReader r = out(p);
        assertThat(readUntil(r, l -> l.startsWith("durable ") && Long.parseLong(l.substring(8)) >= 19_000)).isNotNull();
        startServer();
        String ev = readUntil(r, l -> l.startsWith("evicted "));
        long evicted = Long.parseLong(ev.substring(8));
        assertThat(r.readLine()).isEqualTo("drained");
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(evicted).isPositive();
        long[] got = ids("fullspool", 0, Long.MAX_VALUE);
        assertThat(got[0]).as("no row twice").isEqualTo(got[1]);
        assertThat(got[0] + evicted).as("stored + evicted = produced").isEqualTo(20_000);
        var gaps = ledger.gaps("fullspool");
        assertThat(gaps).isNotEmpty();
        assertThat(gaps.stream().mapToLong(AgentLedger.GapRecord::rows).sum()).isEqualTo(evicted);
    }
}
