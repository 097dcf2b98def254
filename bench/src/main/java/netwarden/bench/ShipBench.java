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
import netwarden.ship.receive.StoreLedger;
import netwarden.ship.rows.RowsCodec;
import netwarden.ship.spool.SpoolSink;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkWorker;
import netwarden.store.BatchBuilder;
import netwarden.store.DuckDbStore;
import netwarden.store.PostgresStore;
import netwarden.store.Rows;
import netwarden.store.Step;
import netwarden.store.Store;
import netwarden.ship.spool.Spool;
import netwarden.ship.spool.SpoolConfig;
import netwarden.ship.spool.SpoolSyncer;

/**
 * Shipping figures for BENCHMARKS.md.
 * <ul>
 * <li>ingest: 10 simulated agents (threads) POST numbered batches of store rows (rollups, per-source
 *     minutes, events, as {@link RowsCodec} ships them) over loopback HTTP to the {@link IngestHandler}, which
 *     stores them through the {@link StoreLedger}'s group commit into the server's store: PostgreSQL (zonky's
 *     embedded binaries, a fresh data directory) and the embedded DuckDB; prints rows/s stored.</li>
 * <li>{@code agent URL SECONDS}: one agent producing 1,000 rows/s (a batch of 100 store rows every 100 ms)
 *     through the path {@code netwarden agent} uses (rows to shipped rows, the spool's sink worker, spool with
 *     1 s group commit, HTTP shipper); prints the CPU used in the measured window, after 5 s warm-up.
 *     {@code all} runs the ingest figures, then an agent child process against the PostgreSQL server.</li>
 * </ul>
 */
public final class ShipBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN_PREFIX = "bench-agent-token-";

    public static void main(String[] a) throws Exception {
        switch (a.length == 0 ? "all" : a[0]) {
            case "agent" -> agent(URI.create(a[1]), Integer.parseInt(a[2]));
            case "stages" -> stages(Integer.parseInt(a[1]));
            default -> all(a.length > 1 ? Integer.parseInt(a[1]) : 20, a.length > 2 ? Integer.parseInt(a[2]) : 500);
        }
    }

    /** {@code n} store rows as an agent's history has them: 60 % per-source minutes, 30 % 1 s rollups, 10 % events. */
    static Rows.Batch rows(long first, int n) {
        BatchBuilder b = Rows.Batch.builder();
        for (long id = first; id < first + n; id++) {
            long ts = 1_800_000_000L + id / 100;
            String service = "10.0.0." + (id % 4 + 1) + "-udp-27960";
            switch ((int) (id % 10)) {
                case 0 -> b.event(new Rows.Event("", ts * 1000, "player_joined", service, "198.51.100." + id % 250, "DE", 3320, null, null,
                        "{\"players_now\":12,\"packets_in\":1200,\"packets_out\":900}"));
                case 1, 2, 3 -> b.rollup(Step.SECOND, new Rows.Rollup("", service, ts, 1200, 96_000, 40, 32_000, 17, 12));
                default -> b.sourceMinute(new Rows.SourceMinute("", service, ts / 60 * 60, "198.51." + id % 250 + "." + id % 200, "DE", 3320, 1200, 96_000, 1));
            }
        }
        return b.build();
    }

    static void all(int seconds, int rowsPerBatch) throws Exception {
        Path dir = Files.createTempDirectory("ship-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start()) {
            try (Store duck = new DuckDbStore(dir.resolve("server.duckdb"))) {
                server(duck, "the embedded DuckDB", seconds, rowsPerBatch, null);
            }
            try (Store postgres = new PostgresStore("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "postgres")) {
                server(postgres, "PostgreSQL", seconds, rowsPerBatch, ShipBench::agentChild);
            }
        }
    }

    /** One thread, no HTTP: the server's per-stage cost for {@code batches} batches of 2,000 rows (where its time goes). */
    static void stages(int batches) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < batches; i++) bodies.add(BatchCodec.encode(new ShipBatch("agent-1", 1, i + 1, null, RowsCodec.encode(rows(i * 2000L, 2000)))));
        for (int round = 0; round < 2; round++) { // the first round warms up
            long t0 = System.nanoTime();
            List<ShipBatch> decoded = new ArrayList<>();
            for (byte[] b : bodies) decoded.add(BatchCodec.decode(b));
            long t1 = System.nanoTime();
            List<netwarden.store.Shipped.Batch> rows = new ArrayList<>();
            for (ShipBatch b : decoded) rows.add(new netwarden.store.Shipped.Batch(b.agentId(), 1 + round, b.sequence(), 0, 0, 0, RowsCodec.decode(b.agentId(), b.rows()).rows()));
            long t2 = System.nanoTime();
            Path dir = Files.createTempDirectory("ship-stages");
            try (Store duck = new DuckDbStore(dir.resolve("s.duckdb"))) {
                duck.start();
                for (int i = 0; i < rows.size(); i += 25) duck.writeShipped(rows.subList(i, Math.min(rows.size(), i + 25)), 1);
            }
            long t3 = System.nanoTime();
            double n = batches * 2000.0;
            System.out.printf("stages (round %d, %d rows): JSON decode %.0f rows/s, rows from JSON %.0f rows/s, DuckDB write (50,000 a transaction) %.0f rows/s%n",
                    round, (long) n, n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), n / ((t3 - t2) / 1e9));
        }
    }

    interface WithServer {
        void run(URI base) throws Exception;
    }

    static void server(Store store, String name, int seconds, int rowsPerBatch, WithServer then) throws Exception {
        store.start();
        StoreLedger ledger = new StoreLedger(store, Clock.SYSTEM, 50_000, r -> {});
        ledger.start();
        BatchReceiver rx = new BatchReceiver(ledger);
        AgentCredentials creds = new AgentCredentials();
        for (int i = 0; i <= 10; i++) creds.addAgent("agent-" + i, TOKEN_PREFIX + i);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext(IngestHandler.PATH, new IngestHandler(rx, creds));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // as NetwardenHttpServer: waiting requests share a commit
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ingest(base, rx, ledger, name, seconds, rowsPerBatch);
        if (then != null) then.run(base);
        server.stop(0);
        ledger.close();
    }

    static void agentChild(URI base) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShipBench.class.getName(), "agent", base.toString(), "30")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) System.out.println(line);
        }
        p.waitFor();
    }

    static void ingest(URI base, BatchReceiver rx, StoreLedger ledger, String name, int seconds, int rowsPerBatch) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> agents = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int agent = i;
            agents.add(Thread.ofPlatform().start(() -> {
                try (HttpClient c = HttpClient.newHttpClient()) {
                    long id = 0;
                    for (long seq = 1; !stop.get(); seq++) {
                        List<ShipRow> rows = RowsCodec.encode(rows(id, rowsPerBatch));
                        id += rowsPerBatch;
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
        long rows0 = rx.storedRows(), commits0 = ledger.commits(), t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long rows1 = rx.storedRows(), commits1 = ledger.commits(), t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : agents) t.join();
        double s = (t1 - t0) / 1e9;
        System.out.printf("ingest: 10 agents, %d rows/batch, %.1f s: %d rows stored in %d transactions, %.0f rows/s into %s (duplicates %d, failures %d, bad rows %d)%n",
                rowsPerBatch, s, rows1 - rows0, commits1 - commits0, (rows1 - rows0) / s, name, rx.duplicates(), rx.failures(), ledger.badRows());
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
        SinkWorker<ShipRow> worker = new SinkWorker<>(new SpoolSink(spool), SinkConfig.ofCapacity(200_000).withMaxBatch(2_000), Clock.SYSTEM);
        worker.start();
        syncer.start();
        shipper.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long id = 0, start = System.nanoTime(), cpu0 = 0, t0 = 0, shipped0 = 0, threads0 = 0;
        long warmEnd = start + 5_000_000_000L, end = warmEnd + seconds * 1_000_000_000L;
        for (long tick = 1; ; tick++) {
            long due = start + tick * 100_000_000L;
            if (due > end) break;
            while (System.nanoTime() < due) Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
            for (ShipRow r : RowsCodec.encode(rows(id, 100))) worker.offer(r); // what AgentShipping.offer does
            id += 100;
            if (t0 == 0 && System.nanoTime() >= warmEnd) {
                cpu0 = os.getProcessCpuTime();
                threads0 = appThreadsCpu();
                t0 = System.nanoTime();
                shipped0 = shipper.shippedRows();
            }
        }
        long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0, threads = appThreadsCpu() - threads0;
        System.out.printf("agent: shipping threads (row encoding, spool appends, group commit, shipper, HTTP client) CPU %.0f ms = %.2f %% of one core%n",
                threads / 1e6, 100.0 * threads / wall);
        System.out.printf("agent: 1,000 rows/s for %.1f s: %d rows shipped, process CPU %.0f ms = %.2f %% of one core (whole JVM: JIT and GC included)%n",
                wall / 1e9, shipper.shippedRows() - shipped0, cpu / 1e6, 100.0 * cpu / wall);
        worker.close(Duration.ofSeconds(5));
        shipper.close();
        syncer.close();
        spool.close();
    }
}
