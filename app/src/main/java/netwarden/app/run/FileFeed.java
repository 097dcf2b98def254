package netwarden.app.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import netwarden.app.config.ReplaySpeed;
import netwarden.engine.Engine;
import netwarden.model.Clock;
import netwarden.model.Packet;
import netwarden.sources.file.FileReplaySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capture file as the live pipeline's source, through {@link FileReplaySource}. At real-time
 * speed the waits between packets are cut into short slices, and after each slice the engine's
 * clock is advanced to the replay time, so seconds close (and snapshots publish) during quiet
 * stretches of the capture as they would live. A damaged file ends the feed with a warning; what
 * was read stays counted.
 */
public final class FileFeed implements PacketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(FileFeed.class);
    private static final long SLICE_NANOS = 200_000_000L;
    private static final Clock MONOTONIC = System::nanoTime;

    private final Path file;
    private final ReplaySpeed speed;
    private final Clock monotonic;
    private final FileReplaySource.Sleeper sleeper;

    public FileFeed(Path file, ReplaySpeed speed) {
        this(file, speed, MONOTONIC, FileReplaySource.Sleeper.SYSTEM);
    }

    /** @param monotonic a clock used only for differences; tests pass a fake one and a sleeper that advances it */
    FileFeed(Path file, ReplaySpeed speed, Clock monotonic, FileReplaySource.Sleeper sleeper) {
        this.file = file;
        this.speed = speed;
        this.monotonic = monotonic;
        this.sleeper = sleeper;
    }

    @Override
    public void run(Engine engine, BooleanSupplier stopRequested) throws IOException {
        Pacing pacing = new Pacing(engine, stopRequested, monotonic, sleeper);
        FileReplaySource source = new FileReplaySource(
                speed == ReplaySpeed.MAX ? FileReplaySource.Speed.MAX : FileReplaySource.Speed.REALTIME, monotonic, pacing::sleep);
        pacing.source = source;
        int[] linkType = {-1};
        FileReplaySource.Result r = source.replay(file, (p, frame) -> {
            pacing.onPacket(p);
            if (p.linkType != linkType[0]) engine.linkType(linkType[0] = p.linkType); // for attack sample pcaps
            engine.onPacket(p, frame);
        });
        if (r.error() != null) {
            LOG.warn("{} is damaged; stopped after {} frames: {}", file, r.frames(), r.error().getMessage());
        } else {
            LOG.info("read {} frames from {}{}", r.frames(), file, r.stopped() ? " (stopped before its end)" : "");
        }
    }

    @Override
    public boolean finite() {
        return true;
    }

    @Override
    public String describe() {
        return "file " + file + " at " + speed.text() + " speed";
    }

    /** Tracks replay time on the pipeline thread and ticks the engine's clock while waiting. */
    private static final class Pacing {
        private final Engine engine;
        private final BooleanSupplier stopRequested;
        private final Clock monotonic;
        private final FileReplaySource.Sleeper sleeper;
        private FileReplaySource source;
        private boolean started;
        private long firstTs;
        private long startNanos;

        Pacing(Engine engine, BooleanSupplier stopRequested, Clock monotonic, FileReplaySource.Sleeper sleeper) {
            this.engine = engine;
            this.stopRequested = stopRequested;
            this.monotonic = monotonic;
            this.sleeper = sleeper;
        }

        void onPacket(Packet p) {
            if (!started) {
                started = true;
                firstTs = p.tsNanos;
                startNanos = monotonic.nanos();
            }
            if (stopRequested.getAsBoolean()) source.stop();
        }

        /** Sleeps in slices; returns early when a stop is requested (the source then ends). */
        void sleep(long nanos) throws InterruptedException {
            long end = monotonic.nanos() + nanos;
            while (true) {
                if (stopRequested.getAsBoolean()) {
                    source.stop();
                    return;
                }
                long now = monotonic.nanos();
                if (now >= end) return;
                // Lags the source's own replay clock slightly (it started first), so never runs ahead of the next packet.
                if (started) engine.advanceTo(firstTs + (now - startNanos));
                sleeper.sleepNanos(Math.min(end - now, SLICE_NANOS));
            }
        }
    }
}
