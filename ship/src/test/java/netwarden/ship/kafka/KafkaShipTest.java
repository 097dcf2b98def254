package netwarden.ship.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import netwarden.model.Clock;
import netwarden.ship.format.ShipRow;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.Sleeper;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.JdbcAgentLedger;
import netwarden.ship.receive.TestPostgres;
import netwarden.ship.spool.Spool;
import netwarden.ship.spool.SpoolConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents' spools → idempotent producers → a real in-process KRaft broker → a consumer group storing
 * into PostgreSQL; the consumer is stopped mid-stream and a new one takes over: every row ends up
 * stored exactly once.
 */
class KafkaShipTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "netwarden.batches";
    static final int AGENTS = 3, ROWS = 6_000;
    @TempDir Path tmp;

    @Test
    void aConsumerRestartMidStreamLosesNothingAndStoresNothingTwice() throws Exception {
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                     .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(tmp.resolve("kafka")).build())
                     .setConfigProp("offsets.topic.replication.factor", "1")
                     .setConfigProp("transaction.state.log.replication.factor", "1")
                     .setConfigProp("transaction.state.log.min.isr", "1").build();
             TestPostgres pg = new TestPostgres(tmp.resolve("pg"))) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            try (var admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            Map<String, Object> bootstrap = Map.of("bootstrap.servers", kafka.bootstrapServers());
            JdbcAgentLedger ledger = new JdbcAgentLedger(pg.dataSource());
            ledger.createSchema();
            BatchReceiver receiver = new BatchReceiver(ledger);
            Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(500), new SplittableRandom(7));

            List<Spool> spools = new ArrayList<>();
            List<KafkaShipper> shippers = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                SpoolConfig sc = new SpoolConfig(tmp.resolve("spool-" + a), 64L << 20, 1L << 20, Duration.ofMillis(50));
                Spool s = new Spool(sc, "agent-" + a, Clock.SYSTEM);
                s.open();
                spools.add(s);
                KafkaShipper k = new KafkaShipper(s, TOPIC, bootstrap, backoff, Sleeper.SYSTEM, Duration.ofMillis(20));
                k.start();
                shippers.add(k);
            }
            KafkaIngest first = new KafkaIngest(receiver, TOPIC, "netwarden-server", bootstrap, backoff, Sleeper.SYSTEM);
            first.start();
            long lastSeq[] = new long[AGENTS];
            // Produce in slices of 100 rows per agent, syncing as the group commit would.
            for (int i = 0; i < ROWS; i += 100) {
                for (int a = 0; a < AGENTS; a++) {
                    List<ShipRow> rows = new ArrayList<>();
                    for (int id = i; id < i + 100; id++) rows.add(new ShipRow(id % 5 == 0 ? "rollups" : "events", JSON.createObjectNode().put("id", id)));
                    spools.get(a).append(rows);
                    spools.get(a).sync();
                    lastSeq[a] = spools.get(a).lastSequence();
                }
                if (i == ROWS / 3) {
                    // Mid-stream: the first consumer stops (what it polled and did not store is not committed) and another takes over.
                    awaitRows(receiver, 1, 60);
                    first.close();
                    first = new KafkaIngest(receiver, TOPIC, "netwarden-server", bootstrap, backoff, Sleeper.SYSTEM);
                    first.start();
                }
                Thread.sleep(5);
            }
            awaitRows(receiver, (long) AGENTS * ROWS, 120);
            first.close();
            for (KafkaShipper k : shippers) k.close();
            for (int a = 0; a < AGENTS; a++) {
                assertThat(spools.get(a).acknowledged()).isEqualTo(lastSeq[a]);
                spools.get(a).close();
                assertThat(ledger.highWaterMark("agent-" + a, spools.get(a).epoch())).isEqualTo(lastSeq[a]);
                assertThat(ledger.gaps("agent-" + a)).isEmpty();
                try (Connection c = pg.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                        "SELECT count(*), count(DISTINCT (data->>'id')::int), min((data->>'id')::int), max((data->>'id')::int),"
                                + " sum(CASE WHEN tbl = 'rollups' THEN 1 ELSE 0 END) FROM ship_rows WHERE agent_id = ?")) {
                    q.setString(1, "agent-" + a);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        assertThat(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                                .as("agent-%d: rows, distinct ids, min, max, rollups", a).containsExactly(ROWS, ROWS, 0, ROWS - 1, ROWS / 5);
                    }
                }
            }
            assertThat(receiver.storedRows()).isEqualTo((long) AGENTS * ROWS);
            org.slf4j.LoggerFactory.getLogger(getClass()).info("duplicates dropped after the consumer restart: {}", receiver.duplicates());
        }
    }

    static void awaitRows(BatchReceiver r, long rows, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (r.storedRows() < rows && System.nanoTime() < deadline) Thread.sleep(50);
    }
}
