package netwarden.decode.flow;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;

/** The mutable counts and lists a decoder fills for one datagram; {@link #build} freezes them. */
final class Tally {
    final FlowProtocol protocol;
    Ip exporter;
    long domain;
    int templates, optionsTemplates, withdrawn, refused, dataRecords, optionsRecords, undecodedSets, droppedSets;
    int flowSamples, counterSamples, samplingUnknown;
    final List<FlowRecord> records = new ArrayList<>();
    final List<FlowRecord> released = new ArrayList<>();
    final List<InterfaceCounters> counters = new ArrayList<>();

    Tally(FlowProtocol protocol, Ip exporter) {
        this.protocol = protocol;
        this.exporter = exporter;
    }

    void add(FlowRecord r, boolean late) {
        (late ? released : records).add(r);
        if (!r.samplingKnown()) samplingUnknown++;
    }

    DecodedDatagram build() {
        return new DecodedDatagram(protocol, exporter, domain, templates, optionsTemplates, withdrawn, refused, dataRecords,
                optionsRecords, undecodedSets, droppedSets, flowSamples, counterSamples, samplingUnknown, records, released,
                counters);
    }
}
