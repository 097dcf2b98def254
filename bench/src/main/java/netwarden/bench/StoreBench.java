package netwarden.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import netwarden.model.Clock;
import netwarden.store.BatchBuilder;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.SearchTerm;
import netwarden.store.Step;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.StoreMetrics;
import netwarden.store.StoreWriter;
import netwarden.store.Stores;
import netwarden.store.Table;

/**
 * The store benchmark of issue 12, with its own data set generated in code (fixed seed):
 * <ol>
 *   <li>ingest: mixed batches (events, 1 s rollups, per-source minutes) through the {@link StoreWriter} for a
 *       fixed number of seconds, the producer held back only when the queue is half full, so the figure is what
 *       the writer sustains;</li>
 *   <li>history: 30 days of 1 min rollups (and 1 h, and the last hour of 1 s) for {@code services} services,
 *       {@code sourceRows} per-(service, source) minute rows, sessions and incidents, bulk-loaded;</li>
 *   <li>queries: search for an address, a /24, a /16 and an ASN over 30 days, and a 30-day chart of one
 *       service at 1 h and 10 min steps, each {@code runs} times; p50 and p95 printed.</li>
 * </ol>
 * Usage: {@code java -cp bench/target/classes:$(cat bench/target/cp.txt) netwarden.bench.StoreBench DIR
 * [--url postgresql://…] [--services 50] [--days 30 (0: ingest only)] [--source-rows 10000000] [--ingest-seconds 20]
 * [--runs 100] [--merge-rows 200000] [--reuse (queries only, on the data set of an earlier run)]}
 */
public final class StoreBench {
    static final long NOW = 1_800_000_000L - 1_800_000_000L % 86_400; // a midnight, epoch seconds
    static final String[] COUNTRIES = {"DE", "US", "FR", "GB", "NL", "PL", "BR", "RU", "CN", "SE", "FI", "CA"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String url = opt(args, "--url", "");
        int services = Integer.parseInt(opt(args, "--services", "50"));
        int days = Integer.parseInt(opt(args, "--days", "30"));
        long sourceRows = Long.parseLong(opt(args, "--source-rows", "10000000"));
        int ingestSeconds = Integer.parseInt(opt(args, "--ingest-seconds", "20"));
        int runs = Integer.parseInt(opt(args, "--runs", "100"));
        int mergeRows = Integer.parseInt(opt(args, "--merge-rows", "200000"));
        Files.createDirectories(dir);
        if (!List.of(args).contains("--reuse")) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) if (p.getFileName().toString().startsWith("netwarden.duckdb")) Files.delete(p);
            }
        }
        StoreConfig config = StoreConfig.defaults().withUrl(url);
        // ingest into its own file (or database), so the query data set is exactly the one described
        boolean reuse = List.of(args).contains("--reuse"); // query a data set loaded by an earlier run
        StoreConfig ingestConfig = url.isEmpty() ? config.withUrl("duckdb:" + dir.resolve("netwarden.duckdb-ingest")) : config;
        if (!reuse) {
            try (Store store = Stores.open(ingestConfig, dir)) {
                store.start();
                System.out.printf("store %s%n", store);
                ingest(store, ingestConfig, ingestSeconds, mergeRows);
                if (days == 0) return;
            }
        }
        if (!url.isEmpty()) System.out.println("(the PostgreSQL database keeps the ingest rows: use a fresh one per run)");
        try (Store store = Stores.open(config, dir)) {
            store.start();
            if (!reuse) load(store, services, days, sourceRows, url.isEmpty() ? dir.resolve("netwarden.duckdb") : null);
            queries(store, days, runs);
        }
    }

    static String opt(String[] args, String name, String dflt) {
        for (int i = 1; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return dflt;
    }

    /**
     * Mixed batches as a busy pipeline would hand them (per 1000 rows: 100 events, 50 1 s rollups, 850 source
     * rows), generated before the clock starts and offered round-robin, so the figure is the writer's.
     */
    static void ingest(Store store, StoreConfig config, int seconds, int mergeRows) throws InterruptedException {
        StoreMetrics metrics = new StoreMetrics();
        SplittableRandom r = new SplittableRandom(1);
        List<Rows.Batch> batches = new ArrayList<>();
        long ts = NOW - 86_400L * 60; // older than the history loaded next
        for (int n = 0; n < 40; n++) {
            BatchBuilder b = Rows.Batch.builder();
            for (int i = 0; i < 5; i++, ts++) {
                for (int e = 0; e < 100; e++)
                    b.event(new Rows.Event("", ts * 1000 + e, "player_joined", "svc" + e % 50, addr(r.nextInt(1_000_000)),
                            "DE", 3320, null, null, "{\"players_now\":3}"));
                for (int s = 0; s < 50; s++)
                    b.rollup(Step.SECOND, new Rows.Rollup("", "svc" + s, ts, 100, 10_000, 100, 80_000, 10, 3));
                for (int m = 0; m < 850; m++) {
                    int a = r.nextInt(1_000_000);
                    b.sourceMinute(new Rows.SourceMinute("", "svc" + m % 50, ts - ts % 60, addr(a), country(a), asn(a), 100, 10_000, 1));
                }
            }
            batches.add(b.build());
        }
        try (StoreWriter writer = new StoreWriter(store, config, Clock.SYSTEM, metrics, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(60), mergeRows)) {
            writer.start();
            long t0 = System.nanoTime(), end = t0 + seconds * 1_000_000_000L, offered = 0;
            for (int n = 0; System.nanoTime() < end; n++) {
                if (writer.queuedRows() > 200_000) {
                    Thread.sleep(1);
                    n--;
                    continue;
                }
                Rows.Batch batch = batches.get(n % batches.size());
                writer.offer(batch);
                offered += batch.rows();
            }
            long byDeadline = written(metrics);
            double atDeadline = (System.nanoTime() - t0) / 1e9;
            writer.close();
            System.out.printf("ingest: %d rows offered in %.1f s, %d written by then = %.0f rows/s; %d written after close; dropped %d; errors %d%n",
                    offered, atDeadline, byDeadline, byDeadline / atDeadline, written(metrics), dropped(metrics), metrics.errors());
        }
    }

    static long written(StoreMetrics m) {
        long n = 0;
        for (Table t : Table.values()) n += m.rows(t);
        return n;
    }

    static long dropped(StoreMetrics m) {
        long n = 0;
        for (Table t : Table.values()) for (String reason : List.of("queue_full", "invalid", "shutdown")) n += m.dropped(t, reason);
        return n;
    }

    /** Address number a → a public-looking IPv4 address (every 20th an IPv6 one); /16s map to ASNs and countries. */
    static String addr(int a) {
        if (a % 20 == 0) return "2001:db8:" + Integer.toHexString(a >>> 16) + "::" + Integer.toHexString(a & 0xffff);
        int v4 = 0x2d000000 + a * 37; // 45.0.0.0 onwards, spread over /16s
        return ((v4 >>> 24) & 255) + "." + ((v4 >>> 16) & 255) + "." + ((v4 >>> 8) & 255) + "." + (v4 & 255);
    }

    static long asn(int a) {
        return 1000 + ((0x2d000000 + a * 37) >>> 16) % 3000;
    }

    static String country(int a) {
        return COUNTRIES[(int) (asn(a) % COUNTRIES.length)];
    }

    static void load(Store store, int services, int days, long sourceRows, Path file) throws java.io.IOException {
        long t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(2);
        long start = NOW - 86_400L * days, minutes = 1440L * days;
        int perMinute = (int) Math.max(1, Math.round((double) sourceRows / (minutes * services)) - 1); // top sources + the others row
        BatchBuilder b = Rows.Batch.builder();
        int inBatch = 0;
        long rows = 0;
        for (long m = 0; m < minutes; m++) {
            long ts = start + m * 60;
            for (int s = 0; s < services; s++) {
                String svc = "svc" + s;
                long base = 2000 + r.nextInt(1000) + (m % 1440 > 1080 ? 3000 : 0); // evening peak
                b.rollup(Step.MINUTE, new Rows.Rollup("", svc, ts, base * 60, base * 6000, base + r.nextInt(500),
                        (base + 500) * 800, 50 + r.nextInt(50), 10 + r.nextInt(20)));
                if (ts % 3600 == 0)
                    b.rollup(Step.HOUR, new Rows.Rollup("", svc, ts, base * 3600, base * 360_000, base + 900, (base + 900) * 800, 200, 30));
                for (int k = 0; k < perMinute; k++) {
                    // players (the low numbers) come back minute after minute; attackers are spread wide
                    int a = k < perMinute / 2 ? s * 200 + r.nextInt(200) : r.nextInt(1_000_000);
                    b.sourceMinute(new Rows.SourceMinute("", svc, ts, addr(a), country(a), asn(a), 100 + r.nextInt(5000), 10_000, 1));
                }
                b.sourceMinute(new Rows.SourceMinute("", svc, ts, Rows.SourceMinute.OTHERS, null, 0, 1000, 100_000, 40));
                inBatch += perMinute + 2;
                if (m % 720 == 0 && s % 10 == 0) {
                    int a = r.nextInt(1_000_000);
                    String id = "service:" + svc + ":" + ts;
                    b.incident(new Rows.Incident("", id, "service", svc, svc, "udp_flood", "high", "bench", ts * 1000,
                            ts * 1000 + 300_000, ts * 1000 + 300_000, 90_000, 720_000_000, 1, 1, 40, true, false, "[]", "[]", null, 0, null));
                    b.incidentSource(new Rows.IncidentSource("", id, addr(a), country(a), asn(a), 5000, 500_000));
                }
                if (m % 30 == 0) {
                    int a = s * 200 + r.nextInt(200);
                    b.session(new Rows.Session("", svc, addr(a), ts * 1000, ts * 1000 + 1_200_000, ts * 1000 + 1_200_000,
                            40_000, 40_000, 4_000_000, 4_000_000, country(a), asn(a), null, "player" + a));
                }
            }
            if (inBatch >= 200_000) {
                Rows.Batch batch = b.build();
                store.write(batch);
                rows += batch.rows();
                b = Rows.Batch.builder();
                inBatch = 0;
            }
        }
        for (int s = 0; s < services; s++)
            for (long t = NOW - 3600; t < NOW; t++) b.rollup(Step.SECOND, new Rows.Rollup("", "svc" + s, t, 3000, 300_000, 3000, 2_400_000, 80, 20));
        Rows.Batch batch = b.build();
        store.write(batch);
        rows += batch.rows();
        double s = (System.nanoTime() - t0) / 1e9;
        long loadedBytes = file == null ? 0 : Files.size(file);
        long c0 = System.nanoTime();
        // what the writer does as days and weeks close: each day sorted by address, then each week into one run
        for (long d = start; d < NOW; d += 86_400) store.compact(d, d + 86_400);
        long week = 7 * 86_400L;
        for (long w = start - Math.floorMod(start, week); w + week <= NOW; w += week) store.compact(w, w + week);
        System.out.printf("compaction of %d days and their weeks: %.1f s%n", days, (System.nanoTime() - c0) / 1e9);
        if (file != null) {
            long sm = store.count(Table.SOURCE_MINUTES), all = 0;
            for (Table t : Table.values()) all += store.count(t);
            System.out.printf("size: %.1f MB after loading, %.1f MB after compaction (DuckDB reuses the freed blocks): "
                    + "%.1f MB/day, %.1f bytes per row (%d rows, %d of them per-source minutes)%n", loadedBytes / 1e6,
                    Files.size(file) / 1e6, loadedBytes / 1e6 / days, (double) loadedBytes / all, all, sm);
        }
        System.out.printf("load: %d rows in %.1f s (%.0f rows/s): %d source-minute rows, %d 1-min rollups, %d sessions, %d incidents%n",
                rows, s, rows / s, store.count(Table.SOURCE_MINUTES), store.count(Table.ROLLUP_1M),
                store.count(Table.SESSIONS), store.count(Table.INCIDENTS));
    }

    static void queries(Store store, int days, int runs) {
        long from = (NOW - 86_400L * days) * 1000, to = NOW * 1000;
        SplittableRandom r = new SplittableRandom(3);
        time("search address (player)", runs, () -> store.search(SearchTerm.parse(addr(r.nextInt(50) * 200 + r.nextInt(200) | 1)), from, to, 100));
        time("search address (any)", runs, () -> store.search(SearchTerm.parse(addr(r.nextInt(1_000_000))), from, to, 100));
        time("search prefix /24", runs, () -> store.search(SearchTerm.parse(prefix(r.nextInt(1_000_000), 24)), from, to, 100));
        time("search prefix /16", runs, () -> store.search(SearchTerm.parse(prefix(r.nextInt(1_000_000), 16)), from, to, 100));
        time("search ASN", runs, () -> store.search(SearchTerm.parse("AS" + asn(r.nextInt(1_000_000))), from, to, 100));
        time("30-day chart, 1 h step (720 points)", runs, () -> store.history(new Queries.History("svc" + r.nextInt(50), from, to, 3600)));
        time("30-day chart, 10 min step (4320 points)", runs, () -> store.history(new Queries.History("svc" + r.nextInt(50), from, to, 600)));
    }

    static String prefix(int a, int bits) {
        String ip = addr(a);
        if (ip.contains(":")) ip = addr(a + 1);
        return ip + "/" + bits;
    }

    static void time(String what, int runs, Supplier<Object> q) {
        for (int i = 0; i < 3; i++) q.get(); // warm-up
        long[] ns = new long[runs];
        Object last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = q.get();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        String found = last instanceof Results.Search s ? s.sessions().size() + " sessions, " + s.sources().size()
                + " sources, " + s.incidents().size() + " incidents" : last instanceof List<?> l ? l.size() + " points" : "";
        System.out.printf("%-42s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (last: %s)%n", what, ns[runs / 2] / 1e6,
                ns[(int) (runs * 0.95)] / 1e6, ns[runs - 1] / 1e6, found);
    }

    private StoreBench() {}

}
