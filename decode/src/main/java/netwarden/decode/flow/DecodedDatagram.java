package netwarden.decode.flow;

import java.util.List;
import netwarden.model.Ip;

/**
 * What one flow-export datagram gave. Immutable.
 *
 * <p>Counts follow tshark's single pass: {@code dataRecords} and {@code records} are the records of
 * sets whose template was known when the set was read. A data set read before its template counts
 * in {@code undecodedSets} and is held; when its template arrives (later in the same datagram or in
 * a later one) its records appear in {@code released} of that datagram. {@code droppedSets} counts
 * held sets given up while handling this datagram (too many held, or held too long).
 *
 * @param exporter the datagram's source address; for sFlow the agent address
 * @param observationDomain v9 source id, IPFIX observation domain, sFlow sub-agent id, v5 engine type and id
 * @param samplingUnknown records (of {@code records} and {@code released}) whose sampling rate is unknown
 */
public record DecodedDatagram(FlowProtocol protocol, Ip exporter, long observationDomain, int templates,
        int optionsTemplates, int withdrawnTemplates, int refusedTemplates, int dataRecords, int optionsRecords,
        int undecodedSets, int droppedSets, int sflowFlowSamples, int sflowCounterSamples, int samplingUnknown,
        List<FlowRecord> records, List<FlowRecord> released, List<InterfaceCounters> counters) {
    public DecodedDatagram {
        records = List.copyOf(records);
        released = List.copyOf(released);
        counters = List.copyOf(counters);
    }
}
