package netwarden.sources.live;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import netwarden.decode.PacketDecoder;
import netwarden.engine.Engine;
import netwarden.model.Clock;
import netwarden.model.Packet;

/**
 * Runs live sources into an {@link Engine}: the pipeline thread drains the {@link Handoff},
 * decodes frames, passes frames and aggregates to the engine, and ticks the engine's clock.
 *
 * <p>Design notes: the engine is single-threaded and owned by the pipeline thread. Capture threads
 * never wait for it (bounded rings, drop and count). About every 100 ms the engine is advanced to
 * {@code clock - closeDelay}, where closeDelay is the largest {@link LiveSource#closeDelayNanos()},
 * so a second closes only after every source had time to deliver it (eBPF delivers a second
 * about 100 ms after it ends). Two ways to run: {@link #run} on a thread the caller owns (the
 * app's runtime), or {@link #start} on a thread of its own.
 */
public final class LivePipeline implements AutoCloseable {
    private static final long TICK_NANOS = Duration.ofMillis(100).toNanos();
    /** Longest idle sleep with frame sources: bounds the latency of a trickle of frames (see {@link FrameRing}). */
    private static final long PARK_NANOS = Duration.ofMillis(20).toNanos();
    private static final int BATCH = 4096;

    private final List<LiveSource> sources;
    private final Clock clock;
    private final Handoff handoff = new Handoff();
    private final long closeDelay;
    private final List<LiveSource> started = new ArrayList<>();
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private Thread thread;
    private boolean closed;

    /** No side effects: nothing opens before {@link #open()} (or {@link #run}/{@link #start}). */
    public LivePipeline(List<LiveSource> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        if (this.sources.isEmpty()) throw new IllegalArgumentException("a live pipeline needs at least one source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.closeDelay = this.sources.stream().mapToLong(LiveSource::closeDelayNanos).max().orElse(0);
    }

    public List<LiveSource> sources() {
        return sources;
    }

    /** How long after a second ends the engine closes it. */
    public long closeDelayNanos() {
        return closeDelay;
    }

    /**
     * Starts every source; on the first failure stops those already started and throws. Idempotent.
     */
    public synchronized void open() throws CaptureException {
        if (closed) throw new IllegalStateException("pipeline closed");
        if (!started.isEmpty()) return;
        for (LiveSource s : sources) {
            try {
                s.start(handoff);
                started.add(s);
            } catch (CaptureException | RuntimeException e) {
                closeSources();
                if (e instanceof CaptureException c) throw c;
                throw new CaptureException(s.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens the sources if needed and feeds {@code engine} on the calling thread until
     * {@code stop} turns true, {@link #close()} is called, or a source fails (then throws). Closes
     * the sources before returning and hands the engine what they delivered last. Does not call
     * {@link Engine#finish()}.
     */
    public void run(Engine engine, BooleanSupplier stop) throws CaptureException {
        open();
        Packet p = new Packet();
        int[] engineLinkType = {-1};
        FrameRing.FrameSink frames = (MemorySegment data, long offset, int capLen, int wireLen, int linkType, long ts) -> {
            p.reset();
            p.tsNanos = ts;
            p.wireLen = wireLen;
            p.capLen = capLen;
            p.linkType = linkType;
            PacketDecoder.decode(linkType, data, offset, capLen, p);
            if (linkType != engineLinkType[0]) engine.linkType(engineLinkType[0] = linkType); // for attack sample pcaps
            engine.onPacket(p, data, offset); // the frame is copied at once if an attack keeps it as a sample
        };
        AggregateRing.AggregateSink aggregates = engine::onAggregate;
        long nextTick = Long.MIN_VALUE;
        try {
            while (!stop.getAsBoolean() && !stopRequested) {
                int n = handoff.drain(frames, p, aggregates, BATCH);
                long tick = System.nanoTime(); // the cadence is real time; the engine's time is the clock's
                if (tick - nextTick >= 0 || nextTick == Long.MIN_VALUE) {
                    checkSources();
                    engine.advanceTo(clock.nanos() - closeDelay);
                    nextTick = tick + TICK_NANOS;
                }
                if (n == 0) handoff.awaitWork(handoff.hasFrameRings() ? PARK_NANOS : Math.max(0, nextTick - System.nanoTime()));
            }
        } finally {
            synchronized (this) {
                closeSources();
            }
            while (handoff.drain(frames, p, aggregates, BATCH) > 0) {
                // what the sources delivered while closing
            }
        }
    }

    /** Opens the sources, then runs {@link #run} on a new thread named netwarden-pipeline. */
    public synchronized void start(Engine engine) throws CaptureException {
        if (thread != null) throw new IllegalStateException("already started");
        open();
        thread = Thread.ofPlatform().name("netwarden-pipeline").start(() -> {
            try {
                run(engine, () -> false);
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    /** What ended a pipeline started with {@link #start}, or null. */
    public Throwable failure() {
        return failure;
    }

    private void checkSources() throws CaptureException {
        for (LiveSource s : sources) {
            CaptureException f = s.failure();
            if (f != null) throw f;
        }
    }

    private void closeSources() {
        for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
        started.clear();
    }

    /** Stops the pipeline thread (if started here) and every source. Idempotent. */
    @Override
    public void close() {
        stopRequested = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeSources();
            closed = true;
        }
    }
}
