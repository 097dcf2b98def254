package netwarden.app.replay;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import netwarden.app.history.CaptureHistory;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.EnginePort;
import netwarden.engine.HandoffPort;
import netwarden.engine.traffic.CaptureTotals;
import netwarden.engine.traffic.TrafficTable;
import netwarden.model.EngineSnapshot;
import netwarden.model.Packet;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.file.MappedCapture;

/**
 * Reads a capture file, feeding every frame to an exact {@link TrafficTable} and to an
 * {@link Engine} (with attack detection, given the raw frames for incident samples), and returns a
 * {@link ReplayReport}. At the end of the file every attack still open is ended where its traffic
 * ended, so the report holds complete incidents.
 *
 * <p>Design notes: this is the replay benchmark's hot path (millions of frames). The calling thread
 * maps, decodes once and keeps the traffic table; the engine runs on a second core behind a
 * {@link HandoffPort}, which takes the decoded frames in batches (the engine no longer decodes the
 * file a second time) and gives the engine exactly the calls a direct feed would, so the report is
 * the same. With {@code engine.shards} above 1 the engine is a {@link netwarden.engine.ShardedEngine},
 * whose shards each run on a thread of their own, fed the same way. Nothing is allocated per frame; progress is checked every 65,536 frames. With a
 * {@link CaptureHistory} the engine also publishes each closed second and its events and rollups go to the store. A corrupt
 * record ends the file for both: everything read before it is reported, with the decoder's message
 * as {@code readError}.
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
        return replay(file, progress, null);
    }

    /** @param history where the capture's events and rollups are also written, or null */
    public ReplayReport replay(Path file, LongFunction<ReplayProgress> progress, CaptureHistory history) throws IOException {
        try (MappedCapture capture = MappedCapture.open(file)) {
            String notCapture = CaptureReader.notACapture(capture.segment());
            if (notCapture != null) throw new NotACaptureException(notCapture);
            ReplayProgress bar = progress.apply(capture.size());
            AttackCollector attacks = new AttackCollector();
            // The mapped file outlives the replay, so shards need not copy frames (true). With a store, each closed
            // second is published (rollups) and the tap turns it into rows.
            EnginePort engine = EnginePort.create(engineConfig, history == null ? attacks : history.listener(attacks), history != null,
                    java.util.Map.of(), true);
            IngestPort port = history == null ? engine : history.tap(engine);
            IngestPort engineSide = engine instanceof Engine ? new HandoffPort(port, "replay-engine") : port;
            TrafficTable traffic = new TrafficTable();
            CaptureReader reader = null;
            String error = null;
            try {
                reader = CaptureReader.open(capture.segment());
                read(reader, new Packet(), traffic, engineSide, bar);
            } catch (DecodeException e) {
                error = e.getMessage(); // everything before the damage is counted on both sides
            } finally {
                bar.finish();
            }
            try {
                engineSide.endOfInput();
            } catch (IllegalStateException e) {
                throw new IllegalStateException("engine failed during replay: " + e.getCause(), e.getCause());
            }
            EngineSnapshot s = engine.snapshot();
            CaptureTotals t = traffic.totals();
            return new ReplayReport(file.toString(), reader == null ? null : reader.format(),
                    reader == null ? List.of() : reader.linkTypes(), t.frames(), t.nonIpFrames(), t.truncatedFrames(),
                    error, t.firstTsNanos(), t.lastTsNanos(), traffic.rows(), s.services(), s.players(), attacks.all(s));
        }
    }

    private static void read(CaptureReader reader, Packet packet, TrafficTable traffic, IngestPort engine, ReplayProgress bar)
            throws DecodeException {
        long n = 0;
        while (reader.next(packet)) {
            traffic.add(packet);
            engine.frame(packet, reader.data(), reader.frameOffset());
            if (++n % PROGRESS_EVERY == 0) bar.at(reader.position());
        }
    }
}
