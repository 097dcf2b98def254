package netwarden.sources.collect;

import java.util.function.Consumer;
import netwarden.decode.flow.FlowRecord;
import netwarden.model.Ip;


/**
 * A decoded flow record as the engine's {@link netwarden.model.ingest.FlowRecord}: times to epoch
 * nanoseconds (the receive time when the exporter gave none), unknown counts to 0, an unknown
 * sampling rate to {@code flows.default-sampling} (or the record is refused), and an RFC 5103 biflow
 * to two records, forward and reverse. A record ending further ahead of its receive time than the
 * allowed skew (an exporter whose clock, or uptime arithmetic, is wrong: softflowd's IPFIX lands
 * weeks ahead) is re-timed to end at its receive time, keeping its duration, as Akvorado times every
 * flow: never ahead of the local clock, so it cannot close the engine's seconds early. Pure: the
 * caller counts what {@link Outcome} says.
 */
final class FlowMapper {
    /** Why a record was not handed on, or that it was. */
    enum Outcome { MAPPED, RETIMED, NO_SAMPLING, INCOMPLETE }

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final long defaultSampling;
    private final long maxSkewNanos;

    /**
     * @param defaultSampling the rate of a record whose own is unknown; 0 refuses it
     * @param maxSkewNanos    a record ending more than this after its receive time is re-timed to it
     */
    FlowMapper(long defaultSampling, long maxSkewNanos) {
        this.defaultSampling = defaultSampling;
        this.maxSkewNanos = maxSkewNanos;
    }

    /** Maps {@code r} received at {@code receivedNanos}, giving each resulting record to {@code out}. */
    Outcome map(FlowRecord r, long receivedNanos, Consumer<netwarden.model.ingest.FlowRecord> out) {
        Ip src = r.src(), dst = r.dst();
        if (src == null || dst == null || src.isV4() != dst.isV4() || r.proto() < 0 || r.proto() > 255) return Outcome.INCOMPLETE;
        long rate = r.samplingKnown() ? r.samplingRate() : defaultSampling;
        if (rate <= 0) return Outcome.NO_SAMPLING;
        long end = r.endMillis() >= 0 ? r.endMillis() * NANOS_PER_MILLI : receivedNanos;
        long start = r.startMillis() >= 0 ? r.startMillis() * NANOS_PER_MILLI : end;
        if (start > end || start < 0) start = end;
        boolean retimed = end - receivedNanos > maxSkewNanos;
        if (retimed) {
            start = Math.max(0, receivedNanos - (end - start));
            end = receivedNanos;
        }
        int flags = r.tcpFlags() < 0 ? -1 : r.tcpFlags() & 0xff;
        int sp = port(r.srcPort()), dp = port(r.dstPort());
        out.accept(new netwarden.model.ingest.FlowRecord(r.exporter(), src, dst, sp, dp, r.proto(), Math.max(0, r.bytes()),
                Math.max(0, r.packets()), rate, start, end, flags, index(r.inIf()), index(r.outIf())));
        if (r.biflow() && (r.reverseBytes() > 0 || r.reversePackets() > 0)) {
            out.accept(new netwarden.model.ingest.FlowRecord(r.exporter(), dst, src, dp, sp, r.proto(), Math.max(0, r.reverseBytes()),
                    Math.max(0, r.reversePackets()), rate, start, end, flags, index(r.outIf()), index(r.inIf())));
        }
        return retimed ? Outcome.RETIMED : Outcome.MAPPED;
    }

    private static int port(int p) {
        return p < 0 || p > 65535 ? -1 : p;
    }

    private static int index(long ifIndex) {
        return ifIndex < 0 || ifIndex > Integer.MAX_VALUE ? -1 : (int) ifIndex;
    }
}
