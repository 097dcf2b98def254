package netwarden.engine.flow;

/**
 * What the engine knows about one source address talking to one endpoint (service or candidate).
 * Owned by the pipeline thread. Counters cover the current player session: they start at the
 * first packet and restart after the source leaves.
 */
public final class Flow extends Keyed {
    /** The endpoint object this flow belongs to (engine type; kept opaque here). */
    public final Object endpoint;
    /** Position in the table's clock ring. */
    int slot;
    /** Seen again since the clock hand last passed (second chance). */
    boolean referenced;
    public boolean evicted;

    public long firstSeen, lastSeen, lastOut;
    public long packetsIn, bytesIn, packetsOut, bytesOut;

    /** Second of the current per-second counters; reset when a packet arrives in a later second. */
    public long binSecond = Long.MIN_VALUE;
    public int binIn, binOut;
    public long binBytesIn;
    public boolean binSourceCounted;
    /** Second for which this flow holds a place in its endpoint's top-sources list, or MIN_VALUE. */
    public long topSecond = Long.MIN_VALUE;

    /** Bit i set: the second (qualSecond - i) qualified as play. */
    public long qualBits;
    public long qualSecond = Long.MIN_VALUE;
    public boolean tcpDataIn, tcpDataOut, tcpClosed;
    /** Time the join event fired, 0 while not a player. */
    public long joinedAt;
    /** Some of this session's traffic came from sampled flow records: its counts are estimates. */
    public boolean estimated;

    Flow(long endpointId, Object endpoint, long srcHi, long srcLo) {
        super(srcHi, srcLo, endpointId);
        this.endpoint = endpoint;
    }

    public long srcHi() {
        return k1;
    }

    public long srcLo() {
        return k2;
    }

    public boolean isPlayer() {
        return joinedAt != 0;
    }

    /** Starts a new session after a leave: lifetime identity stays, session counters restart. */
    public void resetSession() {
        firstSeen = lastSeen = lastOut = 0;
        packetsIn = bytesIn = packetsOut = bytesOut = 0;
        qualBits = 0;
        tcpDataIn = tcpDataOut = tcpClosed = false;
        joinedAt = 0;
        estimated = false;
    }
}
