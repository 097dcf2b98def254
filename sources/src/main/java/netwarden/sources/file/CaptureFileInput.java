package netwarden.sources.file;

import java.util.List;
import java.util.Objects;
import java.lang.foreign.MemorySegment;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.model.Packet;
import netwarden.model.Ticker;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.ingest.IngestLoop;
import netwarden.sources.ingest.Input;

/**
 * A pcap or pcapng file (its bytes, usually a {@link MappedCapture}) as an {@link Input}: as fast
 * as possible ({@link Speed#MAX}) or at the capture's own pace ({@link Speed#REALTIME}: each frame
 * goes when as much time has passed since the first one as separates their timestamps; frames whose
 * time has come, including ones earlier than the first, go at once).
 *
 * <p>Frames go to the port as the reader decodes them, with the whole file as their data so nothing
 * is allocated per frame. A damaged record ends the input: {@link #error()} says where, and every
 * frame before it was delivered. At real-time pace the replay time is the engine's clock while the
 * loop waits for the next frame, so seconds close during quiet stretches as they would live; it
 * never runs past the next frame's timestamp. Pacing uses an injected {@link Ticker} and
 * {@link Sleeper}, so tests never sleep.
 */
public final class CaptureFileInput implements Input {
    public enum Speed { MAX, REALTIME }

    /** Waits for the given nanoseconds; {@link #SYSTEM} uses Thread.sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        Sleeper SYSTEM = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /** Longest single wait, so a stop is seen within it even before a long gap ends. */
    private static final long SLICE_NANOS = 200_000_000L;

    private final MemorySegment capture;
    private final Speed speed;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Packet p = new Packet();
    private CaptureReader reader;
    private boolean pending, started, over;
    private long firstTs, startNanos, frames;
    private DecodeException error;

    public CaptureFileInput(MemorySegment capture, Speed speed, Ticker ticker, Sleeper sleeper) {
        this.capture = Objects.requireNonNull(capture, "capture");
        this.speed = Objects.requireNonNull(speed, "speed");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** At full speed; needs no clock. */
    public CaptureFileInput(MemorySegment capture) {
        this(capture, Speed.MAX, Ticker.SYSTEM, Sleeper.SYSTEM);
    }

    /**
     * Replays a whole capture into {@code port} at full speed, as {@code replay} does, then tells the
     * port the input is over (open attacks end where their traffic ended).
     *
     * @return the read error that ended the file early, or null
     */
    public static DecodeException replay(IngestPort port, MemorySegment capture) {
        CaptureFileInput input = new CaptureFileInput(capture);
        try {
            IngestLoop.run(input, port, () -> false, Ticker.SYSTEM);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a capture file input threw " + e, e); // it has no checked failure
        }
        port.endOfInput();
        return input.error();
    }

    @Override
    public int deliver(IngestPort port, int max) {
        if (over || (reader == null && !open())) return END;
        int n = 0;
        try {
            while (n < max) {
                if (!pending) {
                    if (!reader.next(p)) {
                        over = true;
                        return n > 0 ? n : END;
                    }
                    pending = true;
                    if (!started) {
                        started = true;
                        firstTs = p.tsNanos;
                        startNanos = ticker.nanos();
                    }
                }
                if (speed == Speed.REALTIME && dueIn() > 0) return n;
                port.frame(p, reader.data(), reader.frameOffset());
                pending = false;
                frames++;
                n++;
            }
        } catch (DecodeException e) {
            error = e;
            over = true;
            return n > 0 ? n : END;
        }
        return n;
    }

    @Override
    public long deliveredUpTo() {
        // Not pending means the batch ran out with frames maybe due: the next deliver says more.
        if (speed == Speed.MAX || !pending) return NO_TIME;
        return Math.min(firstTs + (ticker.nanos() - startNanos), p.tsNanos - 1);
    }

    @Override
    public void await(long maxNanos) throws InterruptedException {
        if (speed == Speed.MAX || !pending) return;
        long wait = Math.min(Math.min(maxNanos, SLICE_NANOS), dueIn());
        if (wait > 0) sleeper.sleepNanos(wait);
    }

    /** Frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** The damage that ended the file early (or the unreadable file header), or null. */
    public DecodeException error() {
        return error;
    }

    /** "pcap", "pcap-ns" or "pcapng"; null before the header was read or when it was unreadable. */
    public String format() {
        return reader == null ? null : reader.format();
    }

    /** Link types seen (pcapng: every interface read). */
    public List<Integer> linkTypes() {
        return reader == null ? List.of() : reader.linkTypes();
    }

    /** True when every record of the file was delivered. */
    public boolean complete() {
        return over && error == null;
    }

    private boolean open() {
        try {
            reader = CaptureReader.open(capture);
            return true;
        } catch (DecodeException e) {
            error = e;
            over = true;
            return false;
        }
    }

    private long dueIn() {
        return startNanos + (p.tsNanos - firstTs) - ticker.nanos();
    }
}
