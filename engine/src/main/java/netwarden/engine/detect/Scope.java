package netwarden.engine.detect;

import netwarden.model.ScopeKind;

import java.util.function.LongSupplier;
import netwarden.engine.flow.Keyed;
import netwarden.engine.flow.KeyedTable;
import netwarden.engine.sketch.DistinctCounter;
import netwarden.model.Ip;

/**
 * Detection state of one watched scope. Service scopes are created by the engine for each
 * service and read their distinct sources from the service's own bin; host scopes count their own.
 */
public final class Scope extends Keyed {
    final ScopeKind kind;
    /** Mutable only for a service renamed at runtime ({@link Detector#renameServiceScope}). */
    String target;
    /** Service id for service scopes, else null. */
    String serviceId;
    /** Destination address (service and host scopes), null for the network. */
    final Ip address;
    final Slots slots = new Slots();
    final Trigger[] triggers = new Trigger[Metric.values().length];
    final LongSupplier secondSources;
    final DistinctCounter ownSources;
    final long[] reflection = new long[AmplificationPorts.count()];
    final long[] ttls = new long[4];
    int ttlDistinct;
    long sourcesBits;
    long lastSecondSources, lastSecondNewSources;
    long lastPacketSlot = Long.MIN_VALUE;
    long lastSecond = Long.MIN_VALUE;
    long lastHot;
    boolean live;
    IncidentState incident;
    IncidentState ended;
    /** For a service scope: the scope of its host, once the detector has seen both. */
    Scope host;
    /**
     * The first {@link #PRE_FRAMES} frames of each of the last ten slots, so an incident can keep the
     * frames from its onset even when the attack was over before it was detected (a 20 ms burst).
     */
    static final int PRE_FRAMES = 4;
    final netwarden.model.CapturedFrame[] preFrames = new netwarden.model.CapturedFrame[Slots.COUNT * PRE_FRAMES];
    final long[] preFrameSlot = new long[Slots.COUNT * PRE_FRAMES];
    long preSlot = Long.MIN_VALUE;
    int preCount;

    Scope(ScopeKind kind, String target, String serviceId, Ip address, LongSupplier secondSources, DistinctCounter ownSources) {
        super(address == null ? 0 : address.hi(), address == null ? 0 : address.lo(), kind.ordinal()); // the network scope is never in a table
        this.kind = kind;
        this.target = target;
        this.serviceId = serviceId;
        this.address = address;
        this.secondSources = secondSources != null ? secondSources : ownSources::count;
        this.ownSources = ownSources;
    }

    /** Key for persisted baselines: {@code service:arena:pps}. */
    String baselineKey(Metric m) {
        return kind.label() + ":" + target + ":" + m.key();
    }

    /** Whether this scope includes the service with the given scope and address. */
    public boolean covers(Scope service, Ip serviceAddress) {
        return switch (kind) {
            case SERVICE -> service == this;
            case HOST -> address.equals(serviceAddress);
            case NETWORK -> true;
        };
    }

    boolean underAttack() {
        return incident != null;
    }

    void ttl(int ttl) {
        ttls[(ttl >>> 6) & 3] |= 1L << (ttl & 63);
    }
}
