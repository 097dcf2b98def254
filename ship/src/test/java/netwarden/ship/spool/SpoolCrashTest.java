package netwarden.ship.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netwarden.ship.format.ShipBatch;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a JVM writing to the spool: everything it reported synced is there, once, in order. */
class SpoolCrashTest {
    @TempDir Path tmp;

    static Process child(Path dir, long from) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SpoolChild.class.getName(), dir.toString(), Long.toString(from))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the child's lines until it reported at least {@code rows} durable; returns the last durable row id. */
    static long waitDurable(Process p, long rows) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        long last = -1, deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; last < rows && System.nanoTime() < deadline && (line = r.readLine()) != null; )
            if (line.startsWith("durable ")) last = Long.parseLong(line.substring(8));
        return last;
    }

    @Test
    void killDashNineLosesNothingThatWasSynced() throws Exception {
        Path dir = tmp.resolve("spool");
        Process p = child(dir, 0);
        long durable;
        try {
            durable = waitDurable(p, 20_000);
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close.
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(durable).as("the child made progress").isGreaterThanOrEqualTo(20_000);
        List<Long> ids = new ArrayList<>();
        long lastSeq;
        SpoolConfig c = new SpoolConfig(dir, 256L << 20, 1L << 20, Duration.ofMillis(100));
        try (Spool s = new Spool(c, "agent-1", new FakeClock(0))) {
            s.open();
            lastSeq = 0;
            for (ShipBatch b = s.next(0); b != null; b = s.next(b.sequence())) {
                assertThat(b.sequence()).isEqualTo(lastSeq + 1);
                lastSeq = b.sequence();
                b.rows().forEach(r -> ids.add(r.data().get("id").asLong()));
            }
        }
        assertThat(ids.size()).isGreaterThan((int) durable);
        for (int i = 0; i < ids.size(); i++) assertThat(ids.get(i)).isEqualTo(i);
    }
}
