package netwarden.sources.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import netwarden.model.Ip;
import netwarden.model.ingest.FlowRecord;
import netwarden.testkit.FakeClock;

/**
 * Fuzz target for the collector's datagram path: a raw datagram through format detection, the flow
 * decoder, the mapping to the engine's {@link FlowRecord}s, the per-exporter counts and the queue to
 * the pipeline, as the decode thread runs it ({@link FlowCollector#handle}). In a normal test run
 * Jazzer replays the seeds in {@code src/test/resources/netwarden/sources/collect/CollectorFuzzTestInputs/<method>/}
 * (written by {@link CollectorFuzzSeeds#main}); with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 *
 * <p>Properties: nothing is thrown (damage is counted, never raised); every datagram is counted once,
 * on its exporter or as misdirected; every record handed on is one the engine accepts, at a known
 * rate, not ending after its receive time plus the allowed skew.
 */
class CollectorFuzzTest {
    private static final long NOW = 1_700_000_100L * 1_000_000_000L;
    private static final Ip EXPORTER = Ip.parse("192.0.2.1");
    private static final CollectListener NETFLOW = listener(CollectKind.NETFLOW, "127.0.0.1");
    private static final CollectListener SFLOW = listener(CollectKind.SFLOW, "127.0.0.2");
    private static final byte[] MARK = {-1, -1, -1, -1};

    /** The input split at 0xFFFFFFFF markers is a stream of datagrams; each one's first byte picks the port it came to. */
    @FuzzTest(maxDuration = "60s")
    void datagrams(byte[] data) throws InterruptedException {
        replay(data);
    }

    /** Runs the stream through one collector, checking the properties; returns how many records were handed on. */
    static long replay(byte[] data) throws InterruptedException {
        CollectorConfig config = CollectorConfig.defaults().withListeners(java.util.List.of(NETFLOW, SFLOW)).withDefaultSampling(data.length % 2);
        FlowCollector collector = new FlowCollector(config, new FakeClock(NOW), r -> { });
        long received = NOW;
        int datagrams = 0;
        long handed = 0;
        for (byte[] dg : split(data)) {
            if (dg.length == 0) continue;
            CollectListener to = (dg[0] & 1) == 0 ? NETFLOW : SFLOW;
            collector.handle(new RawDatagram(to, EXPORTER, Arrays.copyOfRange(dg, 1, dg.length), received));
            datagrams++;
            RecordingPort port = new RecordingPort();
            handed += collector.drainTo(port, Duration.ZERO);
            for (FlowRecord r : port.flows) {
                assertThat(r.samplingRate()).isPositive();
                assertThat(r.endNanos()).isLessThanOrEqualTo(received + config.maxSkew().toNanos());
            }
            received += 1_000_000;
        }
        CollectorCounters c = collector.counters();
        long counted = c.exporters.values().stream().mapToLong(s -> s.datagrams.sum()).sum()
                + c.misdirected.values().stream().mapToLong(LongAdder::sum).sum();
        assertThat(counted).isEqualTo(datagrams);
        assertThat(c.handedOn()).isEqualTo(handed);
        return handed;
    }

    static java.util.List<byte[]> split(byte[] data) {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i + MARK.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + MARK.length, MARK, 0, MARK.length)) {
                out.add(Arrays.copyOfRange(data, from, i));
                from = i + MARK.length;
                i = from - 1;
            }
        }
        out.add(Arrays.copyOfRange(data, from, data.length));
        return out;
    }

    private static CollectListener listener(CollectKind kind, String address) {
        try {
            return new CollectListener(kind, new InetSocketAddress(InetAddress.getByName(address), 0));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
