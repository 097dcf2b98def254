package netwarden.app.flows;

import java.util.List;
import netwarden.decode.flow.FlowRecord;

/**
 * What {@code flows decode} found in one capture file. {@code dataRecords} counts every record in
 * {@code records}: those of sets decoded as read and those of held sets released by a later template.
 *
 * @param readError why reading the capture stopped early (a damaged file), null when it was read to the end
 */
record FlowFileReport(String file, long datagrams, long malformedDatagrams, long templates, long optionsTemplates,
        long dataRecords, long optionsRecords, long undecodedSets, long sflowFlowSamples, long sflowCounterSamples,
        List<FlowRecord> records, String readError) {}
