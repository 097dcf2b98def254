package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.model.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stopped mid-run: the pipeline's offers never block, losses are counted, writing resumes on return. */
class StoreOutageTest {
    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void postgresStoppedAndStartedAgain() throws IOException {
        int port = freePort();
        Path data = dir.resolve("pg");
        EmbeddedPostgres pg = start(data, port);
        StoreMetrics metrics = new StoreMetrics();
        var config = new StoreConfig("postgresql://postgres:postgres@localhost:" + port + "/postgres", Map.of(), 5_000, 10);
        Store store = Stores.open(config, dir);
        store.start();
        StoreWriter writer = new StoreWriter(store, config, Clock.SYSTEM, metrics, Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofSeconds(2), 50_000);
        writer.start();
        try {
            writer.offer(StoreWriterTest.events(1000, StoreContract.T0));
            Await.until("first rows", () -> metrics.rows(Table.EVENTS) == 1000);

            pg.close(); // PostgreSQL stops
            writer.offer(StoreWriterTest.events(1000, StoreContract.T0 + 10_000));
            Await.until("a failed write", () -> metrics.errors() > 0);
            int accepted = 0;
            for (int i = 0; i < 10; i++) if (writer.offer(StoreWriterTest.events(1000, StoreContract.T0 + 20_000 + i * 1000L))) accepted++;
            // the queue holds 5000 rows: the one in flight, four more, then drops — counted by table
            assertThat(accepted).isEqualTo(4);
            assertThat(metrics.dropped(Table.EVENTS, "queue_full")).isEqualTo(6000);

            pg = start(data, port); // back
            Await.until("queued rows written after recovery", () -> metrics.rows(Table.EVENTS) == 6000);
            assertThat(store.count(Table.EVENTS)).isEqualTo(6000);
            assertThat(metrics.rows(Table.EVENTS) + metrics.dropped(Table.EVENTS, "queue_full")).isEqualTo(12_000);
        } finally {
            writer.close();
            store.close();
            pg.close();
        }
    }
}
