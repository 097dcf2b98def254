package netwarden.decode.flow;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;

/**
 * The mutable scratch a record parser fills, one per decoder; {@link #toRecord} makes the
 * immutable record. Sampling fields found in the record itself are kept apart so the sampling
 * resolver can prefer them.
 */
final class FlowFields {
    Ip src, dst, nextHop;
    int srcPort, dstPort, proto, tcpFlags, srcMask, dstMask, srcVlan, dstVlan, icmpTypeCode;
    long bytes, packets, inIf, outIf, physIn, physOut, startMillis, endMillis, srcAs, dstAs;
    long startUptime, endUptime, systemInitMillis;
    long reverseBytes, reversePackets;
    long samplingInterval, samplerId, packetInterval, packetSpace, sampleSize, samplePopulation;
    List<Long> asPath = List.of(), communities = List.of();
    final List<EnterpriseField> enterprise = new ArrayList<>();
    boolean routing;

    FlowFields() {
        clear();
    }

    void clear() {
        src = dst = nextHop = null;
        srcPort = dstPort = proto = tcpFlags = srcMask = dstMask = srcVlan = dstVlan = icmpTypeCode = -1;
        bytes = packets = inIf = outIf = physIn = physOut = startMillis = endMillis = srcAs = dstAs = -1;
        startUptime = endUptime = systemInitMillis = -1;
        reverseBytes = reversePackets = -1;
        samplingInterval = samplerId = packetInterval = packetSpace = sampleSize = samplePopulation = -1;
        asPath = communities = List.of();
        enterprise.clear();
        routing = false;
    }

    /** A sampling rate carried by the record itself, 0 when none. */
    long ownSamplingRate() {
        return Sampling.rate(samplingInterval, packetInterval, packetSpace, sampleSize, samplePopulation);
    }

    FlowRecord toRecord(FlowProtocol protocol, Ip exporter, long domain, int templateId, long samplingRate) {
        FlowRecord.Routing r = routing
                ? new FlowRecord.Routing(nextHop, srcMask, dstMask, srcAs, dstAs, asPath, communities) : null;
        return new FlowRecord(protocol, exporter, domain, templateId, src, dst, srcPort, dstPort, proto, bytes, packets,
                samplingRate, inIf >= 0 ? inIf : physIn, outIf >= 0 ? outIf : physOut, tcpFlags, startMillis, endMillis,
                r, srcVlan, dstVlan, reverseBytes, reversePackets, enterprise.isEmpty() ? List.of() : enterprise);
    }
}
