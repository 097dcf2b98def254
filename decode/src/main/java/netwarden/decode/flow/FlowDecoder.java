package netwarden.decode.flow;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import netwarden.model.Ip;

/**
 * Decodes flow-export datagrams (NetFlow v5, v9, IPFIX, sFlow v5) as one stream: templates, held
 * data sets and options-data sampling rates carry from one datagram to the next. The format comes
 * from the header, never from the UDP port: a 16-bit version 5, 9 or 10 is NetFlow/IPFIX; a 32-bit
 * version 5 (first two bytes zero) is sFlow.
 *
 * <p>Design notes: pure (no I/O, logging, clock or metrics: a wrapper counts what
 * {@link DecodedDatagram} reports); "time" for held sets is the number of datagrams decoded since.
 * A damaged datagram throws {@link FlowDecodeException} and nothing else; what it taught before the
 * damage (templates, sampling rates) is kept. Not thread-safe: one decoder per receive stream; the
 * template cache is saved with {@link TemplateCacheFile} from {@link #templates()}'s snapshot.
 */
public final class FlowDecoder {
    private final TemplateCache cache;
    private final HeldSets held;
    private final Sampling sampling;
    private final TemplatedDecoder templated;
    private final SflowDecoder sflow = new SflowDecoder();
    private long datagrams;
    private long expired;

    public FlowDecoder(FlowDecoderConfig config) {
        Objects.requireNonNull(config, "config");
        cache = new TemplateCache(config.maxTemplates());
        held = new HeldSets(config.maxHeldSets(), config.heldDatagrams());
        sampling = new Sampling(config.overrides());
        templated = new TemplatedDecoder(cache, held, sampling);
    }

    /** The protocol a datagram's header announces, or null when it is none of them. */
    public static FlowProtocol detect(MemorySegment payload) {
        if (payload.byteSize() < 4) return null;
        Wire w = new Wire(payload, "flow");
        int version = w.u16(0);
        return switch (version) {
            case 5 -> FlowProtocol.NETFLOW5;
            case 9 -> FlowProtocol.NETFLOW9;
            case 10 -> FlowProtocol.IPFIX;
            case 0 -> w.u16(2) == 5 ? FlowProtocol.SFLOW5 : null;
            default -> null;
        };
    }

    /**
     * Decodes one datagram's UDP payload.
     *
     * @param source the datagram's source address (the exporter; sFlow uses the agent address instead)
     * @throws FlowDecodeException when the datagram is not a flow export or is damaged
     */
    public DecodedDatagram decode(Ip source, MemorySegment payload) throws FlowDecodeException {
        Objects.requireNonNull(source, "source");
        long seq = ++datagrams;
        int dropped = held.expire(seq);
        expired += dropped;
        FlowProtocol protocol = detect(payload);
        if (protocol == null) {
            String version = payload.byteSize() < 4 ? payload.byteSize() + " bytes" : "version " + new Wire(payload, "flow").u16(0);
            throw new FlowDecodeException("flow", 0, "not NetFlow v5/v9, IPFIX or sFlow v5 (" + version + ")");
        }
        Wire w = new Wire(payload, protocol.decoderName());
        Tally t = new Tally(protocol, source);
        t.droppedSets = dropped;
        try {
            switch (protocol) {
                case NETFLOW5 -> NetflowV5.decode(w, source, sampling, t);
                case NETFLOW9 -> templated.decode(w, source, false, seq, t);
                case IPFIX -> templated.decode(w, source, true, seq, t);
                case SFLOW5 -> sflow.decode(w, sampling, t);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // A bounds check missed in a decoder or a value a record refuses: still one exception type.
            throw new FlowDecodeException(protocol.decoderName(), 0, "inconsistent datagram: " + e.getMessage());
        }
        return t.build();
    }

    /** Drops every held data set (end of input); returns how many were dropped. */
    public int dropHeld() {
        return held.clear();
    }

    /** Data sets currently held waiting for their template. */
    public int heldSets() {
        return held.size();
    }

    /** Held sets dropped so far because they waited too many datagrams. */
    public long expiredHeldSets() {
        return expired;
    }

    /** The learned templates; load a saved cache with {@link TemplateCache#putAll}. */
    public TemplateCache templates() {
        return cache;
    }

    /** The sampling rate an override forces for this exporter, 0 when none. */
    public long samplingOverride(Ip exporter) {
        return sampling.override(exporter);
    }
}
