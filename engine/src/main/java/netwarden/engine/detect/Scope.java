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
    /** A spray scope reports only traffic that reached at least this many destinations in a second. */
    static final int SPRAY_MIN_DESTINATIONS = 8;
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
    /** Spray scopes: distinct destinations of the current and the last closed second. */
    final DistinctCounter destinations;
    long lastSecondDestinations;
    /** New sources in each of the last ten seconds (ring by second), for the ten-second trigger. */
    final long[] newSourcesBySecond = new long[10];
    /** Non-player packets in each of the last ten seconds (same ring). */
    final long[] nonPlayerBySecond = new long[10];
    /** The service's normal: packets per second and distinct sources per second, learned slowly while not under attack. */
    double normalPps, normalSources;
    long watchedSeconds;
    int ttlDistinct;
    long sourcesBits;
    long lastSecondSources, lastSecondNewSources;
    long lastPacketSlot = Long.MIN_VALUE;
    long lastSecond = Long.MIN_VALUE;
    long lastHot;
    /** Spray scopes: the protocol and source port; service scopes: the service's protocol and port (else -1). */
    int sprayProto = -1, sprayPort = -1, serviceProto = -1, servicePort = -1;
    /** Onset slot of a trigger that fired before 0.3 s of its attack was in, else MIN_VALUE. */
    long pendingOnset = Long.MIN_VALUE;
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
        this(kind, target, serviceId, address, secondSources, ownSources, address == null ? 0 : address.hi(), address == null ? 0 : address.lo());
    }

    /** With an explicit table key: a spray scope is keyed by protocol and source port. */
    Scope(ScopeKind kind, String target, String serviceId, Ip address, LongSupplier secondSources, DistinctCounter ownSources,
          long keyHi, long keyLo) {
        super(keyHi, keyLo, kind.ordinal()); // the network scope is never in a table
        this.destinations = kind == ScopeKind.SPRAY ? new DistinctCounter(1024) : null;
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
            case NETWORK, SPRAY -> true;
        };
    }

    /** Distinct destinations in the last closed or the open second (spray scopes; else 1). */
    long destinations() {
        return destinations == null ? 1 : Math.max(lastSecondDestinations, destinations.count());
    }

    /** New sources over the last ten closed seconds. */
    long newSources10s() {
        return java.util.Arrays.stream(newSourcesBySecond).sum();
    }

    /** Non-player packets over the last ten closed seconds. */
    long nonPlayer10s() {
        return java.util.Arrays.stream(nonPlayerBySecond).sum();
    }

    boolean underAttack() {
        return incident != null;
    }

    void ttl(int ttl) {
        ttls[(ttl >>> 6) & 3] |= 1L << (ttl & 63);
    }
}
