package netwarden.ship.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import netwarden.model.Clock;
import netwarden.ship.format.ShipRow;
import netwarden.ship.spool.Spool;
import netwarden.ship.spool.SpoolConfig;
import netwarden.ship.spool.SpoolSyncer;

/**
 * A simulated agent in its own JVM: spool + group commit + HTTP shipper, producing rows numbered
 * from {@code from} (100 every 10 ms, table by id % 3). Prints {@code durable N} (rows up to N
 * are synced) every 100 ms; with a finite count it waits until the server acknowledged everything,
 * prints {@code evicted R} and {@code drained}, and exits 0.
 * Args: spoolDir serverUrl token agentId from count(-1 = forever) spoolMaxBytes [store]; with {@code store} the rows
 * are the store's as an agent ships them ({@link netwarden.ship.rows.RowsCodec}): id % 3 == 0 an event at
 * {@code ts_ms = id}, else a 1 s rollup at {@code ts = id}.
 */
public final class AgentChild {
    static final String[] TABLES = {"events", "flows", "rollups"};

    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long from = Long.parseLong(a[4]), count = Long.parseLong(a[5]), maxBytes = Long.parseLong(a[6]);
        SpoolConfig sc = new SpoolConfig(Path.of(a[0]), maxBytes, Math.min(1L << 20, maxBytes / 4), Duration.ofMillis(100));
        Spool spool = new Spool(sc, a[3], Clock.SYSTEM);
        spool.open();
        SpoolSyncer syncer = new SpoolSyncer(spool, sc);
        ShipperConfig cfg = ShipperConfig.defaults(URI.create(a[1]), a[2]).withBackoff(Duration.ofMillis(20), Duration.ofMillis(500));
        HttpShipper shipper = new HttpShipper(spool, cfg, HttpClient.newHttpClient(), new Backoff(cfg.initialBackoff(), cfg.maxBackoff(), new SplittableRandom()), Sleeper.SYSTEM);
        syncer.start();
        shipper.start();
        TreeMap<Long, Long> lastIdBySeq = new TreeMap<>();
        long id = from, lastReport = System.nanoTime();
        while (count < 0 || id < from + count) {
            List<ShipRow> rows = new ArrayList<>();
            boolean store = a.length > 7 && a[7].equals("store");
            netwarden.store.BatchBuilder b = netwarden.store.Rows.Batch.builder();
            for (int i = 0; i < 100 && (count < 0 || id < from + count); i++, id++) {
                if (!store) rows.add(new ShipRow(TABLES[(int) (id % 3)], json.createObjectNode().put("id", id).put("src", "198.51.100." + id % 250)));
                else if (id % 3 == 0) b.event(new netwarden.store.Rows.Event("", id, "player_joined", "arena", "198.51.100." + id % 250, null, 0, null, null, "{}"));
                else b.rollup(netwarden.store.Step.SECOND, new netwarden.store.Rows.Rollup("", "arena", id, 1, 64, 1, 512, 1, 1));
            }
            if (store) rows.addAll(netwarden.ship.rows.RowsCodec.encode(b.build()));
            spool.append(rows);
            lastIdBySeq.put(spool.lastSequence(), id - 1);
            if (System.nanoTime() - lastReport > 100_000_000L) {
                var d = lastIdBySeq.floorEntry(spool.durable());
                if (d != null) System.out.println("durable " + d.getValue());
                lastIdBySeq.headMap(spool.durable()).clear();
                lastReport = System.nanoTime();
            }
            Thread.sleep(10);
        }
        spool.sync();
        // Everything appended is durable now: say so, or a parent waiting for the last rows would wait
        // for a report the loop (which reports at most every 100 ms) never made.
        var all = lastIdBySeq.floorEntry(spool.durable());
        if (all != null) System.out.println("durable " + all.getValue());
        long last = spool.lastSequence();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (spool.acknowledged() < last && System.nanoTime() < deadline) Thread.sleep(20);
        System.out.println("evicted " + spool.stats().evictedRows());
        System.out.println(spool.acknowledged() >= last ? "drained" : "not drained: " + shipper.lastError());
        shipper.close();
        syncer.close();
        spool.close();
        System.exit(0);
    }
}
