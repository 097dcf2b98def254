package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netwarden.model.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on a disk that fills up mid-run (a small tmpfs this test mounts; skipped without root):
 * writes fail and are counted, the pipeline's offers still return, and writing resumes once space is back.
 */
class DuckDbDiskFullTest {
    @TempDir
    Path dir;

    static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void diskFullThenSpaceAgain() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mnt.toString()),
                "needs root to mount a small tmpfs (the disk that fills up)");
        StoreMetrics metrics = new StoreMetrics();
        var config = new StoreConfig("", Map.of(), 200_000, 10);
        Store store = new DuckDbStore(mnt.resolve("netwarden.duckdb"));
        StoreWriter writer = null;
        try {
            store.start();
            writer = new StoreWriter(store, config, Clock.SYSTEM, metrics, Duration.ofMillis(20), Duration.ofMillis(200),
                    Duration.ofMinutes(1), Duration.ofSeconds(2), 50_000);
            writer.start();
            writer.offer(StoreWriterTest.events(1000, StoreContract.T0));
            Await.until("first rows", () -> metrics.rows(Table.EVENTS) == 1000);

            Path filler = mnt.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] mb = new byte[1 << 20];
                while (true) out.write(mb);
            } catch (IOException full) {
                // the disk is full now
            }
            long t = StoreContract.T0 + 10_000, offered = 1000;
            for (int i = 0; i < 50 && metrics.errors() == 0; i++, t += 20_000) {
                writer.offer(StoreWriterTest.events(20_000, t));
                offered += 20_000;
                final long written = metrics.rows(Table.EVENTS);
                Await.until("written or failed", () -> metrics.errors() > 0 || metrics.rows(Table.EVENTS) > written);
            }
            assertThat(metrics.errors()).as("a write failed on the full disk").isPositive();
            long writtenWhileFull = metrics.rows(Table.EVENTS);

            Files.delete(filler); // space again
            writer.offer(StoreWriterTest.events(10, t + 1_000_000));
            StoreWriter w = writer;
            Await.until("writing resumed", () -> metrics.rows(Table.EVENTS) > writtenWhileFull && w.queuedRows() == 0);
            assertThat(metrics.rows(Table.EVENTS)).as("nothing lost: the queue held the rows").isEqualTo(offered + 10);
            assertThat(store.count(Table.EVENTS)).isEqualTo(offered + 10);
        } finally {
            if (writer != null) writer.close();
            store.close();
            run("umount", mnt.toString());
        }
    }

}
