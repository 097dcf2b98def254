package netwarden.app.run;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import netwarden.app.config.ReplaySpeed;
import netwarden.model.Ticker;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.file.CaptureFileInput;
import netwarden.sources.file.MappedCapture;
import netwarden.sources.ingest.IngestLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capture file as the runtime's source: a {@link CaptureFileInput} through the ingest loop. At
 * real-time speed the engine's clock follows the replay time while the loop waits for the next
 * frame, so seconds close (and snapshots publish) during quiet stretches of the capture as they
 * would live. A damaged file ends the feed with a warning; what was read stays counted.
 */
public final class FileFeed implements PacketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(FileFeed.class);

    private final Path file;
    private final ReplaySpeed speed;
    private final Ticker ticker;
    private final CaptureFileInput.Sleeper sleeper;

    public FileFeed(Path file, ReplaySpeed speed) {
        this(file, speed, Ticker.SYSTEM, CaptureFileInput.Sleeper.SYSTEM);
    }

    /** @param ticker the pace's time; tests pass a fake one and a sleeper that advances it */
    FileFeed(Path file, ReplaySpeed speed, Ticker ticker, CaptureFileInput.Sleeper sleeper) {
        this.file = file;
        this.speed = speed;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    @Override
    public void run(IngestPort port, BooleanSupplier stopRequested) throws Exception {
        try (MappedCapture capture = MappedCapture.open(file)) {
            var input = new CaptureFileInput(capture.segment(),
                    speed == ReplaySpeed.MAX ? CaptureFileInput.Speed.MAX : CaptureFileInput.Speed.REALTIME, ticker, sleeper);
            IngestLoop.End end = IngestLoop.run(input, port, stopRequested, ticker);
            if (input.error() != null) {
                LOG.warn("{} is damaged; stopped after {} frames: {}", file, input.frames(), input.error().getMessage());
            } else {
                LOG.info("read {} frames from {}{}", input.frames(), file, end == IngestLoop.End.STOPPED ? " (stopped before its end)" : "");
            }
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
}
