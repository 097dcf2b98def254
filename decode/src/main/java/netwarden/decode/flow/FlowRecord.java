package netwarden.decode.flow;

import java.util.List;
import java.util.Objects;
import netwarden.model.Ip;

/**
 * One decoded flow: a NetFlow/IPFIX data record or an sFlow flow sample. Immutable.
 *
 * <p>Unknown values: addresses and {@code routing} null; ports, proto, tcpFlags, vlans -1; bytes,
 * packets, interfaces, times -1. {@code bytes} and {@code packets} are as exported, never multiplied
 * by the sampling rate; an sFlow sample carries its sampled frame's length and 1 packet.
 * {@code samplingRate} is 0 when no rate is known for the record (never silently 1).
 *
 * @param observationDomain v9 source id, IPFIX observation domain, sFlow sub-agent id, v5 engine type/id
 * @param templateId the data template, -1 for v5 and sFlow
 * @param reverseBytes RFC 5103 biflow reverse octets (PEN 29305), -1 when the record is not a biflow
 * @param enterprise enterprise-specific fields other than the RFC 5103 reverse ones, by PEN and id
 */
public record FlowRecord(FlowProtocol protocol, Ip exporter, long observationDomain, int templateId,
        Ip src, Ip dst, int srcPort, int dstPort, int proto, long bytes, long packets, long samplingRate,
        long inIf, long outIf, int tcpFlags, long startMillis, long endMillis, Routing routing,
        int srcVlan, int dstVlan, long reverseBytes, long reversePackets, List<EnterpriseField> enterprise) {

    public FlowRecord {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(exporter, "exporter");
        enterprise = List.copyOf(enterprise);
        if (samplingRate < 0) throw new IllegalArgumentException("samplingRate must not be negative: " + samplingRate);
    }

    public boolean samplingKnown() {
        return samplingRate > 0;
    }

    /** True for an RFC 5103 biflow record with reverse counters. */
    public boolean biflow() {
        return reverseBytes >= 0 || reversePackets >= 0;
    }

    /**
     * Routing data: NetFlow/IPFIX next hop, masks, AS numbers; sFlow extended router and gateway
     * data (AS path and communities only from sFlow).
     */
    public record Routing(Ip nextHop, int srcMask, int dstMask, long srcAs, long dstAs, List<Long> asPath,
            List<Long> communities) {
        public Routing {
            asPath = asPath.isEmpty() ? List.of() : List.copyOf(asPath);
            communities = communities.isEmpty() ? List.of() : List.copyOf(communities);
        }
    }
}
