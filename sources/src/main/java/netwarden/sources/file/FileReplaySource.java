package netwarden.sources.file;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.model.Clock;
import netwarden.model.Packet;

/**
 * Replays one capture file into a {@link PacketHandler} on the calling thread, as fast as possible
 * ({@link Speed#MAX}) or at the capture's own pace ({@link Speed#REALTIME}: each packet is delivered
 * when as much time has passed since the first packet as separates their timestamps; packets whose
 * time has already come, including ones earlier than the first, go at once).
 *
 * <p>One {@link Packet} is reused for every frame; the handler must copy anything it keeps. A
 * corrupt record ends the replay: the result carries the frames delivered before it and the
 * {@link DecodeException}. {@link #stop()} may be called from any thread; the replay ends after the
 * packet being delivered. Pacing uses an injected monotonic {@link Clock} and {@link Sleeper}, so
 * tests never sleep.
 */
public final class FileReplaySource {
    public enum Speed { MAX, REALTIME }

    /** Receives each decoded frame; {@code frame} is valid only during the call. */
    @FunctionalInterface
    public interface PacketHandler {
        void onPacket(Packet p, MemorySegment frame);
    }

    /** Waits for the given nanoseconds; {@link #SYSTEM} uses Thread.sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        Sleeper SYSTEM = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /**
     * How a replay ended.
     *
     * @param frames    frames delivered to the handler
     * @param format    "pcap", "pcap-ns" or "pcapng"; null when the file header was unreadable
     * @param linkTypes link types seen (pcapng: every IDB read)
     * @param error     the corruption that ended the file early, or null
     * @param stopped   true when {@link #stop()} or an interrupt ended it before the end of the file
     */
    public record Result(long frames, String format, List<Integer> linkTypes, DecodeException error, boolean stopped) {
        public Result {
            linkTypes = List.copyOf(linkTypes);
        }

        /** True when every record of the file was delivered. */
        public boolean complete() {
            return error == null && !stopped;
        }
    }

    private static final Clock MONOTONIC = System::nanoTime;

    private final Speed speed;
    private final Clock monotonic;
    private final Sleeper sleeper;
    private volatile boolean stopRequested;

    public FileReplaySource(Speed speed) {
        this(speed, MONOTONIC, Sleeper.SYSTEM);
    }

    /** @param monotonic a clock used only for differences (System.nanoTime in production) */
    public FileReplaySource(Speed speed, Clock monotonic, Sleeper sleeper) {
        this.speed = Objects.requireNonNull(speed, "speed");
        this.monotonic = Objects.requireNonNull(monotonic, "monotonic");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Maps {@code file}, replays it, and unmaps it. */
    public Result replay(Path file, PacketHandler handler) throws IOException {
        try (MappedCapture capture = MappedCapture.open(file)) {
            return replay(capture.segment(), handler);
        }
    }

    /** Replays a capture already in memory. */
    public Result replay(MemorySegment capture, PacketHandler handler) {
        Objects.requireNonNull(handler, "handler");
        CaptureReader reader;
        try {
            reader = CaptureReader.open(capture);
        } catch (DecodeException e) {
            return new Result(0, null, List.of(), e, false);
        }
        Packet p = new Packet();
        long firstTs = 0, startNanos = 0;
        try {
            while (!stopRequested && reader.next(p)) {
                if (speed == Speed.REALTIME) {
                    if (reader.recordNumber() == 1) {
                        firstTs = p.tsNanos;
                        startNanos = monotonic.nanos();
                    } else if (!waitUntil(startNanos + (p.tsNanos - firstTs))) {
                        return result(reader, reader.recordNumber() - 1, null, true);
                    }
                }
                handler.onPacket(p, reader.frame());
            }
        } catch (DecodeException e) {
            return result(reader, reader.recordNumber(), e, false);
        }
        return result(reader, reader.recordNumber(), null, stopRequested);
    }

    /** Asks a running replay to end after the current packet; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Sleeps until the monotonic clock reaches {@code due}; false if interrupted or stopped meanwhile. */
    private boolean waitUntil(long due) {
        long wait = due - monotonic.nanos();
        if (wait <= 0) return true;
        try {
            sleeper.sleepNanos(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopRequested;
    }

    private static Result result(CaptureReader reader, long frames, DecodeException error, boolean stopped) {
        return new Result(frames, reader.format(), reader.linkTypes(), error, stopped);
    }
}
