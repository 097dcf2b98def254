package netwarden.ship.spool;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's group commit: a thread that calls {@link Spool#sync()} every
 * {@link SpoolConfig#syncInterval()}, so appends never wait for the disk and a crash loses at most
 * one interval. Inert until {@link #start()}; {@link #close()} syncs once more.
 */
public final class SpoolSyncer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolSyncer.class);
    private final Spool spool;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean closing;

    public SpoolSyncer(Spool spool, SpoolConfig config) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.intervalMillis = config.syncInterval().toMillis();
        this.thread = Thread.ofPlatform().daemon().name("netwarden-spool-sync").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closing) {
            try {
                Thread.sleep(intervalMillis);
                spool.sync();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warn("spool sync failed (retrying in {} ms): {}", intervalMillis, e.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
