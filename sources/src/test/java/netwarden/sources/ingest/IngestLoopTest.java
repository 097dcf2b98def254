package netwarden.sources.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;

/** The one loop on a fake ticker: what it hands over, when time advances, how it stops. */
class IngestLoopTest {
    static final long MS = 1_000_000L;

    /** Writes down the port calls in order. */
    static final class Log implements IngestPort {
        final List<String> calls = new ArrayList<>();

        @Override
        public void frame(Packet p, MemorySegment data, long frameOffset) {
            calls.add("frame " + p.dstPort);
        }

        @Override
        public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {
            calls.add("aggregate " + packets);
        }

        @Override
        public void flow(FlowRecord record) {
            calls.add("flow " + record.packets() + "x" + record.samplingRate());
        }

        @Override
        public void advanceTo(long nowNanos) {
            calls.add("advance " + nowNanos / MS);
        }

        @Override
        public void endOfInput() {
            calls.add("end");
        }
    }

    /**
     * A collector-like input: each deliver hands over the next scripted batch of flow records (an
     * empty batch means nothing ready) and costs {@code costNanos} of ticker time; time is the ticker's.
     */
    static final class Scripted implements Input {
        final FakeClock ticker;
        final ArrayDeque<Integer> batches;
        final long costNanos;
        final List<Long> waits = new ArrayList<>();
        RuntimeException failure;

        Scripted(FakeClock ticker, long costNanos, Integer... batches) {
            this.ticker = ticker;
            this.costNanos = costNanos;
            this.batches = new ArrayDeque<>(List.of(batches));
        }

        @Override
        public int deliver(IngestPort port, int max) {
            Integer n = batches.poll();
            if (n == null) return END;
            ticker.advanceNanos(costNanos);
            Ip a = Ip.parse("192.0.2.1"), b = Ip.parse("198.51.100.1");
            for (int i = 0; i < n; i++)
                port.flow(new FlowRecord(a, b, a, 4000, 53, Proto.UDP, 100, 1, 512, 0, 0, -1, -1, -1));
            return n;
        }

        @Override
        public long deliveredUpTo() {
            return ticker.nanos();
        }

        @Override
        public void await(long maxNanos) {
            waits.add(maxNanos);
            ticker.advanceNanos(maxNanos);
        }

        @Override
        public void check() {
            if (failure != null) throw failure;
        }
    }

    @Test
    void recordsGoThroughAndTimeAdvancesWhenIdleAndAtLeastEveryTick() throws Exception {
        FakeClock ticker = new FakeClock(0);
        Log port = new Log();
        // 40 ms per busy batch: the tick (100 ms) comes at the first batch, then every third.
        var input = new Scripted(ticker, 40 * MS, 1, 1, 1, 1, 0, 2);
        assertThat(IngestLoop.run(input, port, () -> false, ticker)).isEqualTo(IngestLoop.End.INPUT_OVER);
        assertThat(port.calls).containsExactly(
                "flow 1x512", "advance 40",
                "flow 1x512", "flow 1x512",
                "flow 1x512", "advance 160",
                "advance 200",                     // nothing ready: advance, then wait until the next tick
                "flow 1x512", "flow 1x512", "advance 340"); // the wait ran to the tick (300), so this batch ticks
        assertThat(input.waits).containsExactly(100 * MS);
        assertThat(port.calls).doesNotContain("end"); // the loop never ends the input for the caller
    }

    @Test
    void aFailedInputStopsTheLoopAtTheNextTick() {
        FakeClock ticker = new FakeClock(0);
        var input = new Scripted(ticker, 0, 0, 0, 0);
        input.failure = new IllegalStateException("capture thread died");
        assertThatThrownBy(() -> IngestLoop.run(input, new Log(), () -> false, ticker)).hasMessage("capture thread died");
    }

    @Test
    void aStopEndsTheLoopBeforeTheNextDelivery() throws Exception {
        FakeClock ticker = new FakeClock(0);
        Log port = new Log();
        var input = new Scripted(ticker, MS, 1, 1, 1, 1);
        int[] polls = {0};
        assertThat(IngestLoop.run(input, port, () -> ++polls[0] > 2, ticker)).isEqualTo(IngestLoop.End.STOPPED);
        assertThat(port.calls).filteredOn(c -> c.startsWith("flow")).hasSize(2);
    }
}
