package netwarden.app.replay;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.traffic.CaptureTotals;
import netwarden.engine.traffic.TrafficTable;
import netwarden.model.EngineSnapshot;
import netwarden.model.Packet;
import netwarden.sources.file.CaptureFileInput;
import netwarden.sources.file.MappedCapture;

/**
 * Reads a capture file, feeding every frame to an exact {@link TrafficTable} and to an
 * {@link Engine} (with attack detection, given the raw frames for incident samples), and returns a
 * {@link ReplayReport}. At the end of the file every attack still open is ended where its traffic
 * ended, so the report holds complete incidents.
 *
 * <p>Design notes: this is the replay benchmark's hot path (millions of frames). The two consumers
 * share nothing, so each runs on its own core with its own {@link CaptureReader} over the same
 * read-only mapping: decoding is pure and cheap next to aggregation, so decoding twice costs less
 * than it saves. Each side reuses one {@link Packet} and allocates nothing per frame; progress is
 * checked every 65,536 frames. A corrupt record ends both sides at the same record: everything
 * read before it is reported, with the decoder's message as {@code readError}.
 */
public final class Replayer {
    private static final int PROGRESS_EVERY = 1 << 16;

    private final EngineConfig engineConfig;

    public Replayer(EngineConfig engineConfig) {
        this.engineConfig = engineConfig;
    }

    /** Replays {@code file} without a progress bar. */
    public ReplayReport replay(Path file) throws IOException {
        return replay(file, size -> ReplayProgress.NONE);
    }

    /**
     * @param progress made once the file size is known; return {@link ReplayProgress#NONE} for none
     * @throws IOException when the file cannot be opened or mapped (missing, unreadable, a directory);
     *                     {@link NotACaptureException} when its first bytes are no capture's magic number
     */
    public ReplayReport replay(Path file, LongFunction<ReplayProgress> progress) throws IOException {
        try (MappedCapture capture = MappedCapture.open(file)) {
            String notCapture = CaptureReader.notACapture(capture.segment());
            if (notCapture != null) throw new NotACaptureException(notCapture);
            ReplayProgress bar = progress.apply(capture.size());
            EngineSide engineSide = new EngineSide(engineConfig, capture.segment());
            Thread engineThread = Thread.ofPlatform().name("replay-engine").start(engineSide);
            TrafficTable traffic = new TrafficTable();
            CaptureReader reader = null;
            String error = null;
            try {
                reader = CaptureReader.open(capture.segment());
                readTraffic(reader, new Packet(), traffic, bar);
            } catch (DecodeException e) {
                error = e.getMessage();
            } finally {
                bar.finish();
                join(engineThread);
            }
            if (engineSide.failure != null) throw new IllegalStateException("engine failed during replay: " + engineSide.failure, engineSide.failure);
            EngineSnapshot s = engineSide.snapshot;
            CaptureTotals t = traffic.totals();
            return new ReplayReport(file.toString(), reader == null ? null : reader.format(),
                    reader == null ? List.of() : reader.linkTypes(), t.frames(), t.nonIpFrames(), t.truncatedFrames(),
                    error, t.firstTsNanos(), t.lastTsNanos(), traffic.rows(), s.services(), s.players(), engineSide.attacks.all(s));
        }
    }

    private static void readTraffic(CaptureReader reader, Packet packet, TrafficTable traffic, ReplayProgress bar)
            throws DecodeException {
        long n = 0;
        while (reader.next(packet)) {
            traffic.add(packet);
            if (++n % PROGRESS_EVERY == 0) bar.at(reader.position());
        }
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the engine side ends by itself at the end of the file
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The engine's pass over the file, on its own thread; the traffic side reports decode errors. */
    private static final class EngineSide implements Runnable {
        private final EngineConfig config;
        private final MemorySegment data;
        final AttackCollector attacks = new AttackCollector();
        volatile EngineSnapshot snapshot = EngineSnapshot.EMPTY;
        volatile Throwable failure;

        EngineSide(EngineConfig config, MemorySegment data) {
            this.config = config;
            this.data = data;
        }

        @Override
        public void run() {
            try {
                Engine engine = new Engine(config, attacks, false);
                // Same bytes, same read error: the traffic side reports it; everything before it counts here too.
                CaptureFileInput.replay(engine, data);
                snapshot = engine.snapshot();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
