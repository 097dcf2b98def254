package netwarden.model.ingest;

import java.lang.foreign.MemorySegment;
import netwarden.model.Packet;

/**
 * The one way into the engine: every source (capture files, live capture, eBPF aggregates, flow
 * collectors, synthetic traffic) writes what it reads here, and the engine implements it.
 *
 * <p>Contract: called by one thread only (the pipeline thread that owns the implementation); nothing
 * here blocks or throws for bad input (it is counted). Time is the input's own: frame and record
 * timestamps, plus {@link #advanceTo} when nothing arrives. A {@link Packet} passed in is only read
 * during the call and may be reused by the caller at once.
 */
public interface IngestPort {
    /**
     * One decoded frame. Its link type is {@code p.linkType}: no separate link-type call, so attack
     * samples always carry the type of the frame they copy. The frame's bytes, when the source has
     * them, are {@code p.capLen} bytes at {@code frameOffset} of {@code data} (a whole mapped file,
     * say, so nothing is allocated per frame); {@code data} may be null.
     */
    void frame(Packet p, MemorySegment data, long frameOffset);

    /**
     * {@code packets} packets of {@code bytes} wire bytes in all that look like {@code p} (same
     * addresses, ports, protocol, flags), sent between {@code startNanos} and {@code endNanos}
     * (inclusive; equal for an aggregate of one second, such as an eBPF map's). The counts are
     * spread over the seconds the interval spans in proportion to the time in each, and their sums
     * stay exact. A port of -1 means "not known" (an ingress aggregate may leave out the source port).
     * {@code p.tsNanos} is ignored.
     */
    void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos);

    /**
     * One flow record from a collector (NetFlow, IPFIX, sFlow), counted with its sampling rate applied,
     * spread over its span (at most its last hour). The engine's time follows the record's end as it
     * follows a frame's timestamp, so a collector should drop (and count) records timed ahead of its own
     * clock rather than let one exporter's skewed clock close everyone's seconds early.
     */
    void flow(FlowRecord record);

    /** Nothing more will arrive with a time before {@code nowNanos}: closes the seconds that ended by then. */
    void advanceTo(long nowNanos);

    /**
     * The input is over and nothing more will come (a file reached its end): closes the open second
     * and ends open attacks where their traffic ended. Live inputs never call it; they just stop.
     */
    void endOfInput();
}
