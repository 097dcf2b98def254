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
 */
public final class HandoffPort implements IngestPort {
    static final int BATCH = 4096;
    static final int RING = 8;

    private final IngestPort target;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(RING);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(RING);
    private final Thread worker;
    private Batch filling;
    private volatile Throwable failure;
    private boolean ended;

    /** One handed-over batch: frames, then at most one other call. */
    private static final class Batch {
        final Packet[] packets = new Packet[BATCH];
        final MemorySegment[] data = new MemorySegment[BATCH];
        final long[] offsets = new long[BATCH];
        int size;
        Runnable then;
        boolean last;

        Batch() {
            for (int i = 0; i < BATCH; i++) packets[i] = new Packet();
        }
    }

    /** Starts the thread that feeds {@code target}; it ends at {@link #endOfInput}. */
    public HandoffPort(IngestPort target, String threadName) {
        this.target = Objects.requireNonNull(target, "target");
        for (int i = 0; i < RING; i++) free.add(new Batch());
        filling = take(free);
        worker = Thread.ofPlatform().name(threadName).daemon().start(this::work);
    }

    @Override
    public void frame(Packet p, MemorySegment data, long frameOffset) {
        Batch b = filling;
        if (b == null) throw new IllegalStateException("input already ended");
        int i = b.size++;
        b.packets[i].copyFrom(p);
        b.data[i] = data;
        b.offsets[i] = frameOffset;
        if (b.size == BATCH) publish();
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
        if (ended) return;
        ended = true;
        filling.last = true;
        then(target::endOfInput);
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
                    for (int i = 0; i < b.size; i++) target.frame(b.packets[i], b.data[i], b.offsets[i]);
                    if (b.then != null) b.then.run();
                } catch (Throwable t) {
                    failure = t; // later batches are only recycled, so the producer never waits forever
                }
            }
            boolean last = b.last;
            b.size = 0;
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
