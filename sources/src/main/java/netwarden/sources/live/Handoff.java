package netwarden.sources.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import netwarden.model.Packet;

/**
 * The bounded hand-off between capture threads and the pipeline thread: one single-producer ring
 * per capture thread, all drained by the one pipeline thread.
 *
 * <p>Design notes: producers never block; a full ring drops and counts (see {@link FrameRing} and
 * {@link AggregateRing}). The pipeline parks when every ring is empty; a producer unparks it only
 * when it has announced that it sleeps, so a busy pipeline costs producers one volatile read per
 * check. Aggregate producers publish once per batch behind a full fence, so they never lose a
 * wake-up; frame producers nudge only every {@link FrameRing#WAKE_EVERY} frames and skip the fence
 * (both would cost more per packet than the rest of the hand-off), so a trickle of frames, or a
 * wake-up lost to that race, waits for the pipeline's park timeout (20 ms), well inside the close
 * delay.
 */
public final class Handoff {
    private final List<FrameRing> frames = new CopyOnWriteArrayList<>();
    private final List<AggregateRing> aggregates = new CopyOnWriteArrayList<>();
    private final Runnable wakeup = this::wakeup;
    private volatile Thread consumer;
    private volatile boolean sleeping;

    /** A frame ring for one capture thread. */
    public FrameRing frameRing(long bytes, int maxFrame, CaptureCounters counters) {
        FrameRing r = new FrameRing(bytes, maxFrame, counters, wakeup);
        frames.add(r);
        return r;
    }

    /** An aggregate ring for one reader thread. */
    public AggregateRing aggregateRing(int entries, CaptureCounters counters) {
        AggregateRing r = new AggregateRing(entries, counters, wakeup);
        aggregates.add(r);
        return r;
    }

    private void wakeup() {
        if (sleeping) {
            sleeping = false;
            Thread t = consumer;
            if (t != null) LockSupport.unpark(t);
        }
    }

    /** Drains up to {@code maxPerRing} entries from every ring; returns how many were handed over. */
    public int drain(FrameRing.FrameSink frameSink, Packet p, AggregateRing.AggregateSink aggregateSink, int maxPerRing) {
        int n = 0;
        for (FrameRing r : frames) n += r.drain(frameSink, maxPerRing);
        for (AggregateRing r : aggregates) n += r.drain(p, aggregateSink, maxPerRing);
        return n;
    }

    /** Parks the calling (pipeline) thread until a producer offers something or {@code maxNanos} pass. */
    public void awaitWork(long maxNanos) {
        consumer = Thread.currentThread();
        sleeping = true;
        java.lang.invoke.VarHandle.fullFence(); // "sleeping" must be visible before the rings are checked
        if (allEmpty()) LockSupport.parkNanos(this, maxNanos);
        sleeping = false;
    }

    /** True when some producer hands over frames (and may lose a wake-up; see the design notes). */
    public boolean hasFrameRings() {
        return !frames.isEmpty();
    }

    private boolean allEmpty() {
        for (FrameRing r : frames) if (!r.isEmpty()) return false;
        for (AggregateRing r : aggregates) if (!r.isEmpty()) return false;
        return true;
    }
}
