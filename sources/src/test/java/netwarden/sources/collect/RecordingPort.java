package netwarden.sources.collect;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Packet;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;

/** An input port that keeps the flow records it is given. */
final class RecordingPort implements IngestPort {
    final List<FlowRecord> flows = new ArrayList<>();

    @Override
    public void frame(Packet p, MemorySegment data, long frameOffset) {}

    @Override
    public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {}

    @Override
    public void flow(FlowRecord record) {
        flows.add(record);
    }

    @Override
    public void advanceTo(long nowNanos) {}

    @Override
    public void endOfInput() {}
}
