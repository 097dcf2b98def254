package netwarden.sources.live;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer ring of captured frames: a capture thread copies each
 * frame in, the pipeline thread decodes it in place.
 *
 * <p>Design notes: one off-heap byte ring, power-of-two sized, with variable-length records
 * {@code [int recordLength][int capLen][int wireLen][int linkType][long tsNanos][bytes...]}
 * aligned to 8. A record that does not fit before the end leaves a wrap marker and starts at 0.
 * Positions only grow; the producer publishes with a release store and the consumer reads with an
 * acquire load, so no locks are taken. {@link #offer} never blocks: when the ring is full it drops
 * the frame and counts it as a {@code handoff} drop. It wakes a sleeping pipeline only every
 * {@link #WAKE_EVERY} frames; a trickle waits for the pipeline's park timeout instead.
 */
public final class FrameRing {
    private static final int HEADER = 24;
    private static final int WRAP = -1;
    /**
     * A sleeping pipeline is woken once this many frames wait (a futex wake per packet would cost
     * more than the packet); fewer frames wait at most the pipeline's park timeout.
     */
    static final int WAKE_EVERY = 32;

    private final MemorySegment buf;
    private final long capacity;
    private final long mask;
    private final int maxRecord;
    private final AtomicLong writePos = new AtomicLong();
    private final AtomicLong readPos = new AtomicLong();
    private final CaptureCounters counters;
    private final Runnable wakeup;
    private long cachedRead;
    /** Frames offered since the producer last nudged the pipeline (producer thread only). */
    private int unannounced;

    /** Receives one frame; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(MemorySegment data, long offset, int capLen, int wireLen, int linkType, long tsNanos);
    }

    /**
     * @param bytes    ring size, rounded up to a power of two, at least four of the largest records
     * @param maxFrame the largest capLen that will be offered (snaplen)
     */
    public FrameRing(long bytes, int maxFrame, CaptureCounters counters, Runnable wakeup) {
        if (maxFrame <= 0) throw new IllegalArgumentException("maxFrame must be positive: " + maxFrame);
        this.maxRecord = align8(HEADER + maxFrame);
        long size = Long.highestOneBit(Math.max(bytes, 4L * maxRecord) - 1) << 1;
        this.capacity = size;
        this.mask = size - 1;
        this.buf = Arena.ofAuto().allocate(size, 8);
        this.counters = counters;
        this.wakeup = wakeup;
    }

    public long capacityBytes() {
        return capacity;
    }

    /** Copies a frame in; false (and one handoff drop counted) when the ring is full. Producer thread only. */
    public boolean offer(long tsNanos, int wireLen, int linkType, MemorySegment src, long srcOffset, int capLen) {
        int len = Math.min(capLen, maxRecord - HEADER);
        int rec = align8(HEADER + len);
        long w = writePos.getPlain();
        long idx = w & mask;
        long tail = capacity - idx;
        long need = rec <= tail ? rec : tail + rec;
        if (capacity - (w - cachedRead) < need) {
            cachedRead = readPos.getAcquire();
            if (capacity - (w - cachedRead) < need) {
                counters.addDrops(CaptureCounters.HANDOFF, 1);
                return false;
            }
        }
        if (rec > tail) {
            buf.set(ValueLayout.JAVA_INT, idx, WRAP);
            w += tail;
            idx = 0;
        }
        buf.set(ValueLayout.JAVA_INT, idx, rec);
        buf.set(ValueLayout.JAVA_INT, idx + 4, len);
        buf.set(ValueLayout.JAVA_INT, idx + 8, wireLen);
        buf.set(ValueLayout.JAVA_INT, idx + 12, linkType);
        buf.set(ValueLayout.JAVA_LONG, idx + 16, tsNanos);
        MemorySegment.copy(src, srcOffset, buf, idx + HEADER, len);
        writePos.setRelease(w + rec);
        if (++unannounced == WAKE_EVERY) {
            unannounced = 0;
            wakeup.run();
        }
        return true;
    }

    /** Hands up to {@code max} frames to {@code sink}, oldest first; returns how many. Consumer thread only. */
    public int drain(FrameSink sink, int max) {
        long r = readPos.getPlain();
        long w = writePos.getAcquire();
        int n = 0;
        while (r < w && n < max) {
            long idx = r & mask;
            int rec = buf.get(ValueLayout.JAVA_INT, idx);
            if (rec == WRAP) {
                r += capacity - idx;
                continue;
            }
            sink.frame(buf, idx + HEADER, buf.get(ValueLayout.JAVA_INT, idx + 4), buf.get(ValueLayout.JAVA_INT, idx + 8),
                    buf.get(ValueLayout.JAVA_INT, idx + 12), buf.get(ValueLayout.JAVA_LONG, idx + 16));
            r += rec;
            n++;
        }
        readPos.setRelease(r);
        return n;
    }

    public boolean isEmpty() {
        return readPos.getAcquire() == writePos.getAcquire();
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }
}
