package netwarden.app.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import netwarden.decode.flow.FlowProtocol;
import netwarden.decode.flow.FlowRecord;
import netwarden.model.Ip;
import netwarden.wire.JsonText;
import netwarden.wire.SnapshotJson;

/**
 * One line of {@code flows decode --format json} per file, fields in the documented order (README,
 * "Flow exports"). Unknown values are null; {@code start}/{@code end} are epoch seconds with
 * millisecond decimals; {@code version} is 5, 9, 10 or "sflow5".
 */
final class FlowsJson {
    private FlowsJson() {}

    static String line(FlowFileReport r) {
        ObjectNode n = SnapshotJson.object();
        n.put("file", r.file());
        n.put("datagrams", r.datagrams());
        n.put("malformed_datagrams", r.malformedDatagrams());
        n.put("templates", r.templates());
        n.put("options_templates", r.optionsTemplates());
        n.put("data_records", r.dataRecords());
        n.put("options_records", r.optionsRecords());
        n.put("undecoded_sets", r.undecodedSets());
        n.put("sflow_flow_samples", r.sflowFlowSamples());
        n.put("sflow_counter_samples", r.sflowCounterSamples());
        ArrayNode records = n.putArray("records");
        for (FlowRecord f : r.records()) record(records.addObject(), f);
        return JsonText.write(n);
    }

    private static void record(ObjectNode o, FlowRecord f) {
        o.put("exporter", f.exporter().toString());
        if (f.protocol() == FlowProtocol.SFLOW5) o.put("version", "sflow5");
        else o.put("version", f.protocol().version());
        o.put("observation_domain", f.observationDomain());
        number(o, "template_id", f.templateId());
        address(o, "src", f.src());
        address(o, "dst", f.dst());
        number(o, "src_port", f.srcPort());
        number(o, "dst_port", f.dstPort());
        number(o, "proto", f.proto());
        number(o, "bytes", f.bytes());
        number(o, "packets", f.packets());
        if (f.samplingKnown()) o.put("sampling_rate", f.samplingRate());
        else o.putNull("sampling_rate");
        number(o, "in_if", f.inIf());
        number(o, "out_if", f.outIf());
        number(o, "tcp_flags", f.tcpFlags());
        time(o, "start", f.startMillis());
        time(o, "end", f.endMillis());
    }

    private static void number(ObjectNode o, String name, long v) {
        if (v < 0) o.putNull(name);
        else o.put(name, v);
    }

    private static void address(ObjectNode o, String name, Ip ip) {
        if (ip == null) o.putNull(name);
        else o.put(name, ip.toString());
    }

    private static void time(ObjectNode o, String name, long millis) {
        if (millis < 0) o.putNull(name);
        else o.put(name, BigDecimal.valueOf(millis, 3));
    }
}
