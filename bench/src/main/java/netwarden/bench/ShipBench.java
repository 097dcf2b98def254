package netwarden.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import netwarden.model.Clock;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.HttpShipper;
import netwarden.ship.http.ShipperConfig;
import netwarden.ship.http.Sleeper;
import netwarden.ship.receive.AgentCredentials;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.IngestHandler;
import netwarden.ship.receive.JdbcAgentLedger;
import netwarden.ship.spool.Spool;
import netwarden.ship.spool.SpoolConfig;
import netwarden.ship.spool.SpoolSyncer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Shipping figures for BENCHMARKS.md.
 * <ul>
 * <li>{@code ingest SECONDS ROWS_PER_BATCH}: 10 simulated agents (threads) POST numbered batches over
 *     loopback HTTP to the {@link IngestHandler}, which stores them through {@link JdbcAgentLedger}
 *     into PostgreSQL (zonky's embedded binaries, a fresh data directory); prints rows/s stored.</li>
 * <li>{@code agent URL SECONDS}: one agent (spool, group commit, HTTP shipper) producing 1,000
 *     rows/s (100 every 100 ms); prints the process CPU it used in the measured window, after 5 s warm-up.
 *     {@code all} runs the ingest figure, then an agent child process against the same server.</li>
 * </ul>
 */
public final class ShipBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN_PREFIX = "bench-agent-token-";

    public static void main(String[] a) throws Exception {
        switch (a.length == 0 ? "all" : a[0]) {
            case "agent" -> agent(URI.create(a[1]), Integer.parseInt(a[2]));
            default -> all(a.length > 1 ? Integer.parseInt(a[1]) : 20, a.length > 2 ? Integer.parseInt(a[2]) : 500);
        }
    }

    static ShipRow row(long id) {
        return new ShipRow(id % 10 == 0 ? "rollups" : "flows", JSON.createObjectNode().put("id", id).put("src", "198.51.100." + id % 250)
                .put("dst", "203.0.113.7").put("sport", 27960).put("dport", (int) (1024 + id % 60000)).put("packets", 12).put("bytes", 1440));
    }

    static void all(int seconds, int rowsPerBatch) throws Exception {
        Path dir = Files.createTempDirectory("ship-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {pg.getPort()});
            ds.setDatabaseName("postgres");
            ds.setUser("postgres");
            ds.setReWriteBatchedInserts(true);
            JdbcAgentLedger ledger = new JdbcAgentLedger(ds);
            ledger.createSchema();
            BatchReceiver rx = new BatchReceiver(ledger);
            AgentCredentials creds = new AgentCredentials();
            for (int i = 0; i <= 10; i++) creds.addAgent("agent-" + i, TOKEN_PREFIX + i);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext(IngestHandler.PATH, new IngestHandler(rx, creds));
            server.setExecutor(Executors.newFixedThreadPool(10));
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            ingest(base, rx, seconds, rowsPerBatch);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShipBench.class.getName(), "agent", base.toString(), "30")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) System.out.println(line);
            }
            p.waitFor();
            server.stop(0);
        }
    }

    static void ingest(URI base, BatchReceiver rx, int seconds, int rowsPerBatch) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> agents = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int agent = i;
            agents.add(Thread.ofPlatform().start(() -> {
                try (HttpClient c = HttpClient.newHttpClient()) {
                    long id = 0;
                    for (long seq = 1; !stop.get(); seq++) {
                        List<ShipRow> rows = new ArrayList<>(rowsPerBatch);
                        for (int k = 0; k < rowsPerBatch; k++) rows.add(row(id++));
                        byte[] body = BatchCodec.encode(new ShipBatch("agent-" + agent, 1, seq, null, rows));
                        HttpResponse<String> r = c.send(HttpRequest.newBuilder(base.resolve(IngestHandler.PATH)).header("Authorization", "Bearer " + TOKEN_PREFIX + agent)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        Thread.sleep(3_000); // warm-up
        long rows0 = rx.storedRows(), t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long rows1 = rx.storedRows(), t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : agents) t.join();
        double s = (t1 - t0) / 1e9;
        System.out.printf("ingest: 10 agents, %d rows/batch, %.1f s: %d rows stored, %.0f rows/s into PostgreSQL (duplicates %d, failures %d)%n",
                rowsPerBatch, s, rows1 - rows0, (rows1 - rows0) / s, rx.duplicates(), rx.failures());
    }

    /** CPU of the Java threads doing the work; the JVM's own compiler and GC threads are not Java threads here. */
    static long appThreadsCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long tid : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(tid);
            if (t > 0) sum += t;
        }
        return sum;
    }

    static void agent(URI server, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("ship-bench-agent");
        SpoolConfig sc = new SpoolConfig(dir.resolve("spool"), 64L << 20, 4L << 20, Duration.ofSeconds(1));
        Spool spool = new Spool(sc, "agent-0", Clock.SYSTEM);
        spool.open();
        SpoolSyncer syncer = new SpoolSyncer(spool, sc);
        ShipperConfig cfg = ShipperConfig.defaults(server, TOKEN_PREFIX + 0);
        HttpShipper shipper = new HttpShipper(spool, cfg, HttpClient.newHttpClient(), new Backoff(cfg.initialBackoff(), cfg.maxBackoff(), new SplittableRandom()), Sleeper.SYSTEM);
        syncer.start();
        shipper.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long id = 0, start = System.nanoTime(), cpu0 = 0, t0 = 0, shipped0 = 0, threads0 = 0;
        long warmEnd = start + 5_000_000_000L, end = warmEnd + seconds * 1_000_000_000L;
        for (long tick = 1; ; tick++) {
            long due = start + tick * 100_000_000L;
            if (due > end) break;
            while (System.nanoTime() < due) Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
            List<ShipRow> rows = new ArrayList<>(100);
            for (int k = 0; k < 100; k++) rows.add(row(id++));
            spool.append(rows);
            if (t0 == 0 && System.nanoTime() >= warmEnd) {
                cpu0 = os.getProcessCpuTime();
                threads0 = appThreadsCpu();
                t0 = System.nanoTime();
                shipped0 = shipper.shippedRows();
            }
        }
        long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0, threads = appThreadsCpu() - threads0;
        System.out.printf("agent: shipping threads (producer appends, group commit, shipper, HTTP client) CPU %.0f ms = %.2f %% of one core%n",
                threads / 1e6, 100.0 * threads / wall);
        System.out.printf("agent: 1,000 rows/s for %.1f s: %d rows shipped, process CPU %.0f ms = %.2f %% of one core (whole JVM: JIT and GC included)%n",
                wall / 1e9, shipper.shippedRows() - shipped0, cpu / 1e6, 100.0 * cpu / wall);
        shipper.close();
        syncer.close();
        spool.close();
    }
}
