package netwarden.app.flows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.decode.flow.DecodedDatagram;
import netwarden.decode.flow.FlowDecodeException;
import netwarden.decode.flow.FlowDecoder;
import netwarden.decode.flow.FlowRecord;
import netwarden.decode.flow.UdpDatagrams;
import netwarden.sources.file.MappedCapture;

/**
 * Decodes the flow-export datagrams of capture files through one {@link FlowDecoder}, so files
 * given in order are one stream (templates from an earlier file apply to a later one). UDP
 * datagrams of any port count when their header announces NetFlow v5/v9, IPFIX or sFlow v5; other
 * UDP traffic in the capture is not a flow export and is skipped.
 */
final class FlowFileDecoder {
    private final FlowDecoder decoder;

    FlowFileDecoder(FlowDecoder decoder) {
        this.decoder = decoder;
    }

    FlowFileReport decode(Path file) throws IOException {
        long datagrams = 0, malformed = 0, templates = 0, options = 0, data = 0, optionsRecords = 0, undecoded = 0;
        long flowSamples = 0, counterSamples = 0;
        List<FlowRecord> records = new ArrayList<>();
        String readError = null;
        try (MappedCapture capture = MappedCapture.open(file)) {
            try {
                UdpDatagrams udp = new UdpDatagrams(CaptureReader.open(capture.segment()));
                while (udp.next()) {
                    if (FlowDecoder.detect(udp.payload()) == null) continue;
                    datagrams++;
                    DecodedDatagram d;
                    try {
                        d = decoder.decode(udp.source(), udp.payload());
                    } catch (FlowDecodeException e) {
                        malformed++;
                        continue;
                    }
                    templates += d.templates();
                    options += d.optionsTemplates();
                    data += d.dataRecords() + d.released().size();
                    optionsRecords += d.optionsRecords();
                    undecoded += d.undecodedSets();
                    flowSamples += d.sflowFlowSamples();
                    counterSamples += d.sflowCounterSamples();
                    records.addAll(d.records());
                    records.addAll(d.released());
                }
            } catch (DecodeException e) {
                readError = e.getMessage();
            }
        }
        return new FlowFileReport(file.toString(), datagrams, malformed, templates, options, data, optionsRecords, undecoded,
                flowSamples, counterSamples, records, readError);
    }
}
