package netwarden.app.run;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import netwarden.model.Clock;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.collect.FlowCollector;

/**
 * Flow collectors as the runtime's input, alone or beside a packet source. Alone, the pipeline
 * thread takes the decoded records as they come and moves the engine's clock to the wall clock, so
 * seconds close (and detection runs) while exporters are quiet. Beside a packet feed, the records
 * are handed over at each of that feed's polls and its time rules.
 */
final class CollectorFeed implements PacketFeed {
    private static final Duration WAIT = Duration.ofMillis(100);

    private final FlowCollector collector;
    private final PacketFeed packets;
    private final Clock clock;

    /** @param packets the packet source beside the collectors, or null when there is none */
    CollectorFeed(FlowCollector collector, PacketFeed packets, Clock clock) {
        this.collector = collector;
        this.packets = packets;
        this.clock = clock;
    }

    @Override
    public void run(IngestPort port, BooleanSupplier stopRequested) throws Exception {
        if (packets != null) {
            packets.run(port, () -> {
                try {
                    collector.drainTo(port, Duration.ZERO);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stopRequested.getAsBoolean();
            });
            return;
        }
        while (!stopRequested.getAsBoolean()) {
            collector.drainTo(port, WAIT);
            port.advanceTo(clock.nanos());
        }
    }

    @Override
    public boolean finite() {
        return packets != null && packets.finite();
    }

    @Override
    public String describe() {
        String flows = "flow collectors " + String.join(", ", collector.config().listeners().stream().map(Object::toString).toList());
        return packets == null ? flows : packets.describe() + " and " + flows;
    }
}
