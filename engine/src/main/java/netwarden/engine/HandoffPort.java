package netwarden.engine;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import netwarden.model.Packet;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;

/**
 * An {@link IngestPort} that runs another port (the {@link Engine}) on a thread of its own: the
 * caller's thread reads and decodes, this hands the decoded frames over in batches through a
 * bounded single-producer/single-consumer ring, and the target sees exactly the calls it would have
 * seen, in the same order, so every count is the same.
 *
 * <p>Design notes: the ring is two bounded queues of {@link #RING} preallocated batches of
 * {@link #BATCH} frames (filled ones out, empty ones back), so a frame costs a field copy and no
 * allocation, and the producer blocks when the engine is {@code RING} batches behind. An aggregate,
 * a flow record, a time advance or the end closes the batch it joins, so the order is kept. Frame
 * bytes are not copied: {@code data} must stay valid until {@link #endOfInput} returns (a mapped
 * capture file does; a live capture's reused buffer does not, so live capture does not use this).
 * {@link #endOfInput} waits for the target to finish, so the caller may read the engine afterwards.
 * A target that throws stops taking work; the next call here throws {@link IllegalStateException}.
 *
 * <p>A {@link ShardedEngine} feeds each shard through one of these: with {@code copyFrames} the bytes
 * of each frame are copied into the batch's own buffer (a live capture reuses its buffer), a count may
 * stand for several packets or only the reply side of one ({@link Engine#shardCount}), and
 * {@link #sync} waits until the shard has taken everything handed over.
 */
public final class HandoffPort implements IngestPort {
    static final int BATCH = 4096;
    static final int RING = 8;
    /** Bytes of copied frames per batch; a batch with no room left for a frame is handed over early. */
    static final int COPY_BYTES = 1 << 20;

    private final IngestPort target;
    private final Engine engine;
    private final boolean copyFrames;
    private final BlockingQueue<Batch> full;
    private final BlockingQueue<Batch> free;
    private final int batchSize;
    private final Thread worker;
    private Batch filling;
    private volatile Throwable failure;
    private boolean ended;

    /** One handed-over batch: frames, then at most one other call. */
    private static final class Batch {
        final Packet[] packets;
        final MemorySegment[] data;
        final long[] offsets;
        final long[] packetCounts;
        final long[] byteCounts;
        final boolean[] outboundOnly;
        final MemorySegment copies;
        int copied;
        int size;
        Runnable then;
        boolean last;

        Batch(int size, boolean copyFrames) {
            packets = new Packet[size];
            data = new MemorySegment[size];
            offsets = new long[size];
            packetCounts = new long[size];
            byteCounts = new long[size];
            outboundOnly = new boolean[size];
            copies = copyFrames ? MemorySegment.ofArray(new byte[COPY_BYTES]) : null;
            for (int i = 0; i < size; i++) packets[i] = new Packet();
        }
    }

    /** Starts the thread that feeds {@code target}; it ends at {@link #endOfInput}. */
    public HandoffPort(IngestPort target, String threadName) {
        this(target, threadName, false, BATCH, RING);
    }

    /**
     * @param copyFrames copy each frame's bytes (they need not outlive the call)
     * @param batch      frames per batch
     * @param ring       batches in the ring: how far the producer may run ahead
     */
    HandoffPort(IngestPort target, String threadName, boolean copyFrames, int batch, int ring) {
        this.full = new ArrayBlockingQueue<>(ring);
        this.free = new ArrayBlockingQueue<>(ring);
        this.batchSize = batch;
        this.target = Objects.requireNonNull(target, "target");
        this.engine = target instanceof Engine e ? e : null;
        this.copyFrames = copyFrames;
        for (int i = 0; i < ring; i++) free.add(new Batch(batch, copyFrames));
        filling = take(free);
        worker = Thread.ofPlatform().name(threadName).daemon().start(this::work);
    }

    @Override
    public void frame(Packet p, MemorySegment data, long frameOffset) {
        count(p, 1, p.wireLen, data, frameOffset, false);
    }

    /** {@code packets} like {@code p} ({@link Engine#shardCount}); the target must be an {@link Engine} unless a plain frame. */
    void count(Packet p, long packets, long bytes, MemorySegment data, long frameOffset, boolean outboundOnly) {
        Batch b = filling;
        if (b == null) throw new IllegalStateException("input already ended");
        if (copyFrames && data != null) {
            int len = p.capLen;
            if (len > COPY_BYTES - b.copied) {
                if (b.size > 0) publish();
                b = filling;
            }
            if (len <= COPY_BYTES - b.copied) {
                MemorySegment.copy(data, frameOffset, b.copies, b.copied, len);
                data = b.copies;
                frameOffset = b.copied;
                b.copied += len;
            } else {
                data = null; // larger than a batch's buffer: counted without its bytes
            }
        }
        int i = b.size++;
        b.packets[i].copyFrom(p);
        b.data[i] = data;
        b.offsets[i] = frameOffset;
        b.packetCounts[i] = packets;
        b.byteCounts[i] = bytes;
        b.outboundOnly[i] = outboundOnly;
        if (b.size == batchSize) publish();
    }

    /** Hands over {@code call} to run on the target's thread after everything handed over before it. */
    void run(Runnable call) {
        then(call);
    }

    /** Waits until the target's thread has taken everything handed over so far (its state may be read then). */
    void sync() {
        var done = new java.util.concurrent.CountDownLatch(1);
        then(done::countDown);
        boolean interrupted = false;
        while (done.getCount() > 0 && failure == null) {
            try {
                done.await(10, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        failed();
    }

    @Override
    public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {
        Packet copy = new Packet();
        copy.copyFrom(p);
        then(() -> target.aggregate(copy, packets, bytes, startNanos, endNanos));
    }

    @Override
    public void flow(FlowRecord record) {
        then(() -> target.flow(record));
    }

    @Override
    public void advanceTo(long nowNanos) {
        then(() -> target.advanceTo(nowNanos));
    }

    /** Hands over the end, then waits until the target has taken everything and ended. */
    @Override
    public void endOfInput() {
        end(target::endOfInput);
    }

    /** Ends the thread after {@code last} ran on it, and waits for that; the target may be read afterwards. */
    void end(Runnable last) {
        if (ended) return;
        ended = true;
        filling.last = true;
        then(last);
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true; // the worker ends by itself once it has the last batch
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        failed();
    }

    private void then(Runnable call) {
        if (filling == null) throw new IllegalStateException("input already ended");
        filling.then = call;
        publish();
    }

    private void publish() {
        failed();
        Batch b = filling;
        put(b);
        filling = b.last ? null : take(free);
    }

    private void failed() {
        Throwable t = failure;
        if (t != null) throw new IllegalStateException("the engine thread failed: " + t, t);
    }

    private void work() {
        while (true) {
            Batch b = take(full);
            if (failure == null) {
                try {
                    for (int i = 0; i < b.size; i++) {
                        if (engine != null) {
                            engine.shardCount(b.packets[i], b.packetCounts[i], b.byteCounts[i], b.data[i], b.offsets[i], b.outboundOnly[i]);
                        } else {
                            target.frame(b.packets[i], b.data[i], b.offsets[i]);
                        }
                    }
                    if (b.then != null) b.then.run();
                } catch (Throwable t) {
                    failure = t; // later batches are only recycled, so the producer never waits forever
                }
            }
            boolean last = b.last;
            b.size = 0;
            b.copied = 0;
            b.then = null;
            Arrays.fill(b.data, null);
            if (last) return;
            free.add(b);
        }
    }

    private void put(Batch b) {
        boolean interrupted = false;
        while (true) {
            try {
                full.put(b);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a batch must not be lost, or the counts would be wrong
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static Batch take(BlockingQueue<Batch> q) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return q.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
