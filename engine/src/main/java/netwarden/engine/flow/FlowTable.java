package netwarden.engine.flow;

/**
 * Bounded table of (endpoint, source) flows with least-recently-seen eviction.
 *
 * <p>Design notes: a spoofed flood brings a new source per packet; the table must stay bounded
 * without throwing out real players (the FlowLens failure). Entries sit on an intrusive recency
 * list; {@link #touch} moves an entry to the newest end in O(1). When full, the oldest entry is
 * evicted — but a current player is moved to the newest end instead, up to
 * {@link #PLAYER_SKIPS} times per insertion, so a flood must outnumber and outlast players before
 * one can be lost. Every eviction is counted; evicted flows are marked so stale references held
 * for the current second are recognised.
 */
public final class FlowTable {
    static final int PLAYER_SKIPS = 64;
    private final int capacity;
    private final KeyedTable<Flow> index;
    private Flow newest, oldest;
    private long evictions;
    private long evictedPlayers;

    public FlowTable(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("flow capacity must be positive: " + capacity);
        this.capacity = capacity;
        this.index = new KeyedTable<>(Math.min(capacity, 1 << 16));
    }

    public Flow get(long endpointId, long srcHi, long srcLo) {
        return index.get(srcHi, srcLo, endpointId, KeyedTable.hash(srcHi, srcLo, endpointId));
    }

    /** Creates the flow (evicting the least recently seen one when full); the key must be absent. */
    public Flow create(long endpointId, Object endpoint, long srcHi, long srcLo) {
        if (index.size() >= capacity) evictOne();
        Flow f = new Flow(endpointId, endpoint, srcHi, srcLo, KeyedTable.hash(srcHi, srcLo, endpointId));
        index.insert(f);
        linkNewest(f);
        return f;
    }

    /** Marks the flow as just seen. */
    public void touch(Flow f) {
        if (f == newest) return;
        unlink(f);
        linkNewest(f);
    }

    public void remove(Flow f) {
        if (index.remove(f)) unlink(f);
        f.evicted = true;
    }

    public int size() {
        return index.size();
    }

    public long evictions() {
        return evictions;
    }

    /** Evictions that had to take a current player because everything else was newer. */
    public long evictedPlayers() {
        return evictedPlayers;
    }

    private void evictOne() {
        Flow victim = oldest;
        for (int i = 0; i < PLAYER_SKIPS && victim.isPlayer() && victim != newest; i++) {
            touch(victim);
            victim = oldest;
        }
        if (victim.isPlayer()) evictedPlayers++;
        remove(victim);
        evictions++;
    }

    private void linkNewest(Flow f) {
        f.older = newest;
        f.newer = null;
        if (newest != null) newest.newer = f;
        newest = f;
        if (oldest == null) oldest = f;
    }

    private void unlink(Flow f) {
        if (f.newer != null) f.newer.older = f.older; else newest = f.older;
        if (f.older != null) f.older.newer = f.newer; else oldest = f.newer;
        f.newer = f.older = null;
    }
}
