package netwarden.sources.live;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import netwarden.decode.PacketDecoder;
import netwarden.model.Clock;
import netwarden.model.Packet;
import netwarden.model.Ticker;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.ingest.IngestLoop;
import netwarden.sources.ingest.Input;

/**
 * Live sources as one {@link Input} of the {@link IngestLoop}: the pipeline thread drains the
 * {@link Handoff}, decodes frames and hands frames and aggregates to the {@link IngestPort}.
 *
 * <p>Design notes: the engine is single-threaded and owned by the pipeline thread. Capture threads
 * never wait for it (bounded rings, drop and count). The loop advances the engine to
 * {@code clock - closeDelay}, where closeDelay is the largest {@link LiveSource#closeDelayNanos()},
 * so a second closes only after every source had time to deliver it (eBPF delivers a second
 * about 100 ms after it ends). Two ways to run: {@link #run} on a thread the caller owns (the
 * app's runtime), or {@link #start} on a thread of its own.
 */
public final class LivePipeline implements Input, AutoCloseable {
    /** Longest idle sleep with frame sources: bounds the latency of a trickle of frames (see {@link FrameRing}). */
    private static final long PARK_NANOS = Duration.ofMillis(20).toNanos();

    private final List<LiveSource> sources;
    private final Clock clock;
    private final Ticker ticker;
    private final Handoff handoff = new Handoff();
    private final long closeDelay;
    private final List<LiveSource> started = new ArrayList<>();
    private final Packet p = new Packet();
    private final FrameRing.FrameSink frames = this::frame;
    private final AggregateRing.AggregateSink aggregates = this::aggregate;
    private IngestPort port;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private Thread thread;
    private boolean closed;

    /** No side effects: nothing opens before {@link #open()} (or {@link #run}/{@link #start}). */
    public LivePipeline(List<LiveSource> sources, Clock clock) {
        this(sources, clock, Ticker.SYSTEM);
    }

    /** @param ticker the loop's cadence (real time); the engine's time is the clock's */
    public LivePipeline(List<LiveSource> sources, Clock clock, Ticker ticker) {
        this.sources = List.copyOf(sources);
        if (this.sources.isEmpty()) throw new IllegalArgumentException("a live pipeline needs at least one source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
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
     * Opens the sources if needed and runs the {@link IngestLoop} into {@code port} on the calling
     * thread until {@code stop} turns true, {@link #close()} is called, or a source fails (then
     * throws). Closes the sources before returning and hands the port what they delivered last.
     * Does not finish the engine.
     */
    public void run(IngestPort port, BooleanSupplier stop) throws CaptureException {
        open();
        this.port = port;
        try {
            IngestLoop.run(this, port, () -> stop.getAsBoolean() || stopRequested, ticker);
        } catch (CaptureException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CaptureException("live pipeline: " + e, e);
        } finally {
            synchronized (this) {
                closeSources();
            }
            while (handoff.drain(frames, p, aggregates, 4096) > 0) {
                // what the sources delivered while closing
            }
        }
    }

    @Override
    public int deliver(IngestPort port, int max) {
        this.port = port;
        return handoff.drain(frames, p, aggregates, max);
    }

    @Override
    public long deliveredUpTo() {
        return clock.nanos() - closeDelay;
    }

    @Override
    public void await(long maxNanos) {
        handoff.awaitWork(handoff.hasFrameRings() ? Math.min(PARK_NANOS, maxNanos) : maxNanos);
    }

    @Override
    public void check() throws CaptureException {
        for (LiveSource s : sources) {
            CaptureException f = s.failure();
            if (f != null) throw f;
        }
    }

    /** One frame off a ring: decoded here, the one place live frames are decoded. */
    private void frame(MemorySegment data, long offset, int capLen, int wireLen, int linkType, long ts) {
        p.reset();
        p.tsNanos = ts;
        p.wireLen = wireLen;
        p.capLen = capLen;
        p.linkType = linkType;
        PacketDecoder.decode(linkType, data, offset, capLen, p);
        port.frame(p, data, offset); // the frame is copied at once if an attack keeps it as a sample
    }

    /** One per-second aggregate (an eBPF map entry). */
    private void aggregate(Packet a, long packets, long bytes) {
        port.aggregate(a, packets, bytes, a.tsNanos, a.tsNanos);
    }

    /** Opens the sources, then runs {@link #run} on a new thread named netwarden-pipeline. */
    public synchronized void start(IngestPort port) throws CaptureException {
        if (thread != null) throw new IllegalStateException("already started");
        open();
        thread = Thread.ofPlatform().name("netwarden-pipeline").start(() -> {
            try {
                run(port, () -> false);
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    /** What ended a pipeline started with {@link #start}, or null. */
    public Throwable failure() {
        return failure;
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
