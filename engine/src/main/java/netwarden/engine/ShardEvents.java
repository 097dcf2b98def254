package netwarden.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import netwarden.model.Event;
import netwarden.model.EventListener;

/**
 * The events of a {@link ShardedEngine}'s shards (and its network detector), handed to the one
 * listener on the feeding thread in an order that does not depend on thread timing.
 *
 * <p>Design notes: each source queues its events tagged with its epoch, the number of time steps it
 * had been handed when it made them. The feeding thread releases every event of an epoch every
 * source has finished, in (epoch, source, order made) order, so the sequence is the same in every
 * run; a released prefix only grows. Within one epoch the shards' events come before the network's,
 * where one engine would interleave them by slot.
 */
final class ShardEvents {
    private record Tagged(long epoch, Event event) {}

    /** One source's queue; {@link #listener} belongs to the source's own thread. */
    static final class Source {
        private final ConcurrentLinkedQueue<Tagged> queue = new ConcurrentLinkedQueue<>();
        /** Time steps handed to this source so far; written by its own thread only. */
        volatile long epoch;

        EventListener listener() {
            return event -> queue.add(new Tagged(epoch, event));
        }
    }

    private final Source[] sources;
    private final EventListener out;

    ShardEvents(int count, EventListener out) {
        this.sources = new Source[count];
        for (int i = 0; i < count; i++) sources[i] = new Source();
        this.out = out;
    }

    Source source(int i) {
        return sources[i];
    }

    /** Hands on every event of an epoch before {@code upTo}, in (epoch, source, order made) order. */
    void release(long upTo) {
        while (true) {
            long next = Long.MAX_VALUE;
            for (Source s : sources) {
                Tagged head = s.queue.peek();
                if (head != null && head.epoch < next) next = head.epoch;
            }
            if (next >= upTo || next == Long.MAX_VALUE) return;
            for (Source s : sources) {
                for (Tagged t; (t = s.queue.peek()) != null && t.epoch == next; ) {
                    s.queue.poll();
                    out.onEvent(t.event);
                }
            }
        }
    }

    /** The oldest epoch some shard (sources but the last, the network's) may still add to. */
    long finishedBy() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < sources.length - 1; i++) min = Math.min(min, sources[i].epoch);
        return min;
    }
}
