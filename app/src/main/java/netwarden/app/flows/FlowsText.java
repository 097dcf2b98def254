package netwarden.app.flows;

import java.io.PrintWriter;
import netwarden.app.replay.TextTable;
import netwarden.decode.flow.FlowProtocol;
import netwarden.decode.flow.FlowRecord;

/** {@code flows decode} as readable text: the file's counts, then one row per record. */
final class FlowsText {
    private FlowsText() {}

    static void print(FlowFileReport r, PrintWriter out) {
        out.println(r.file() + ": " + r.datagrams() + " datagrams (" + r.malformedDatagrams() + " malformed), "
                + r.templates() + " templates, " + r.optionsTemplates() + " options templates, " + r.dataRecords()
                + " data records, " + r.optionsRecords() + " options records, " + r.undecodedSets() + " undecoded sets, "
                + r.sflowFlowSamples() + " sFlow flow samples, " + r.sflowCounterSamples() + " sFlow counter samples");
        TextTable t = new TextTable("exporter", "version", "domain", "template", "src", "dst", "proto", "bytes", "packets",
                "rate", "in_if", "out_if", "tcp_flags");
        for (FlowRecord f : r.records()) {
            t.row(f.exporter(), f.protocol() == FlowProtocol.SFLOW5 ? "sflow5" : f.protocol().version(), f.observationDomain(),
                    known(f.templateId()), endpoint(f.src(), f.srcPort()), endpoint(f.dst(), f.dstPort()), known(f.proto()),
                    known(f.bytes()), known(f.packets()), f.samplingKnown() ? f.samplingRate() : null, known(f.inIf()),
                    known(f.outIf()), f.tcpFlags() < 0 ? null : String.format("0x%02x", f.tcpFlags()));
        }
        t.print(out, "  ");
    }

    private static Object known(long v) {
        return v < 0 ? null : v;
    }

    private static String endpoint(netwarden.model.Ip ip, int port) {
        if (ip == null) return null;
        String a = ip.isV4() ? ip.toString() : "[" + ip + "]";
        return port < 0 ? a : a + ":" + port;
    }
}
