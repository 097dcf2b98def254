package netwarden.engine.flow;

/**
 * Bounded table of (endpoint, source) flows with CLOCK (second-chance) eviction.
 *
 * <p>Design notes: a spoofed flood brings a new source per packet; the table must stay bounded
 * without throwing out real players (the FlowLens failure), and the per-packet cost of recency
 * must be one field write on the flow already being updated, not pointer surgery on neighbours
 * (cache misses at 100 k flows). Flows sit in a ring; {@link #touch} sets their referenced bit.
 * When full, the clock hand walks the ring: a referenced flow loses its bit and stays, a current
 * player stays (up to {@link #PLAYER_SKIPS} times per insertion), and the first other flow is
 * evicted. New flows start unreferenced, so one-packet spoofed sources go before anything seen
 * twice. Every eviction is counted; evicted flows are marked so stale references are recognised.
 */
public final class FlowTable {
    static final int PLAYER_SKIPS = 64;
    private final KeyedTable<Flow> index;
    private final Flow[] ring;
    private final int[] free;
    private int freeCount;
    private int used;
    private int hand;
    private long evictions;
    private long evictedPlayers;

    public FlowTable(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("flow capacity must be positive: " + capacity);
        this.index = new KeyedTable<>(Math.min(capacity, 1 << 16));
        this.ring = new Flow[capacity];
        this.free = new int[capacity];
    }

    public Flow get(long endpointId, long srcHi, long srcLo) {
        return index.get(srcHi, srcLo, endpointId, KeyedTable.hash(srcHi, srcLo, endpointId));
    }

    /** Creates the flow (evicting one when full); the key must be absent. */
    public Flow create(long endpointId, Object endpoint, long srcHi, long srcLo) {
        int slot;
        if (freeCount > 0) slot = free[--freeCount];
        else if (used < ring.length) slot = used++;
        else slot = evictOne();
        Flow f = new Flow(endpointId, endpoint, srcHi, srcLo);
        f.slot = slot;
        ring[slot] = f;
        index.insert(f);
        return f;
    }

    /** Marks the flow as seen again. */
    public void touch(Flow f) {
        f.referenced = true;
    }

    public void remove(Flow f) {
        if (!f.evicted && index.remove(f)) {
            ring[f.slot] = null;
            free[freeCount++] = f.slot;
        }
        f.evicted = true;
    }

    /** Removes every flow of {@code endpoint} (a service removed at runtime): one walk of the table, rare. */
    public int removeOwnedBy(Object endpoint) {
        int removed = 0;
        for (Flow f : ring) {
            if (f != null && f.endpoint == endpoint) {
                remove(f);
                removed++;
            }
        }
        return removed;
    }

    public int size() {
        return index.size();
    }

    public long evictions() {
        return evictions;
    }

    /** Evictions that had to take a current player because the hand found nothing else in time. */
    public long evictedPlayers() {
        return evictedPlayers;
    }

    /** Walks the clock hand to a victim, evicts it, and returns its now empty slot. */
    private int evictOne() {
        int playerSkips = 0;
        while (true) {
            Flow f = ring[hand];
            int slot = hand;
            hand = hand + 1 == ring.length ? 0 : hand + 1;
            if (f.referenced) {
                f.referenced = false;
                continue;
            }
            if (f.isPlayer() && playerSkips++ < PLAYER_SKIPS) continue;
            if (f.isPlayer()) evictedPlayers++;
            index.remove(f);
            f.evicted = true;
            evictions++;
            return slot;
        }
    }
}
