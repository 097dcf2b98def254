package netwarden.ship.spool;

import java.nio.file.Path;
import java.time.Duration;
import netwarden.model.Clock;

/**
 * A child JVM that appends numbered rows to a spool as fast as it can, syncing every 100 ms and
 * printing {@code durable N} after each sync (rows 0..N are on disk), until it is killed.
 */
public final class SpoolChild {
    public static void main(String[] args) throws Exception {
        SpoolConfig c = new SpoolConfig(Path.of(args[0]), 256L << 20, 1L << 20, Duration.ofMillis(100));
        Spool s = new Spool(c, "agent-1", Clock.SYSTEM);
        s.open();
        long id = Long.parseLong(args[1]), lastSync = System.nanoTime();
        while (true) {
            s.append(SpoolTest.rows("events", id, 10));
            id += 10;
            if (System.nanoTime() - lastSync > 100_000_000L) {
                s.sync();
                lastSync = System.nanoTime();
                System.out.println("durable " + (id - 1));
                System.out.flush();
            }
        }
    }
}
