package netwarden.sources.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import netwarden.model.Ip;
import netwarden.model.ingest.FlowRecord;
import netwarden.testkit.FakeClock;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector over real loopback UDP: records, counts, sampling, templates saved and reloaded. */
class FlowCollectorTest {
    private static final long NOW = 1_700_000_100L * 1_000_000_000L;
    private final FakeClock clock = new FakeClock(NOW);

    @TempDir
    Path dir;

    private FlowCollector collector(CollectorConfig config, List<FlowRecord> observed) throws IOException {
        FlowCollector c = new FlowCollector(config, clock, observed::add);
        c.start();
        return c;
    }

    private static CollectorConfig listening(CollectKind... kinds) {
        List<CollectListener> l = new ArrayList<>();
        for (CollectKind k : kinds) l.add(new CollectListener(k, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        // bound ports must differ: port 0 picks a free one per socket, but the config refuses duplicates, so vary the address
        if (l.size() == 2) l.set(1, new CollectListener(kinds[1], new InetSocketAddress("127.0.0.2", 0)));
        return CollectorConfig.defaults().withListeners(l);
    }

    private static void send(int port, byte[]... datagrams) throws IOException {
        send(InetAddress.getLoopbackAddress(), port, datagrams);
    }

    private static void send(InetAddress to, int port, byte[]... datagrams) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (byte[] d : datagrams) s.send(new DatagramPacket(d, d.length, to, port));
        }
    }

    private static RecordingPort drainUntil(FlowCollector c, RecordingPort port, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) c.drainTo(port, Duration.ofMillis(50));
        return port;
    }

    private static FlowExports.V5Record v5(String src, int packets, int bytes, int inIf) {
        return new FlowExports.V5Record(src, "192.0.2.10", 40_000, 27_015, 17, packets, bytes, inIf, 2, 0, 9_000, 9_500);
    }

    @Test
    void netflowV5RecordsReachThePortWithTheirSamplingAndAreCounted() throws Exception {
        List<FlowRecord> observed = new ArrayList<>();
        try (FlowCollector c = collector(listening(CollectKind.NETFLOW), observed)) {
            // sampling field: mode 1 (bits 14-15), interval 100
            send(c.ports().getFirst(), FlowExports.v5((1 << 14) | 100, v5("198.51.100.1", 10, 1_000, 3), v5("198.51.100.2", 2, 120, 4)),
                    new byte[] {0, 5, 0}); // a damaged datagram: counted, never thrown
            RecordingPort port = new RecordingPort();
            drainUntil(c, port, () -> c.counters().malformed() == 1 && port.flows.size() == 2);
            assertEquals(2, port.flows.size());
            FlowRecord r = port.flows.getFirst();
            assertEquals(Ip.parse("198.51.100.1"), r.src());
            assertEquals(Ip.parse("127.0.0.1"), r.exporter());
            assertEquals(100, r.samplingRate());
            assertEquals(100_000, r.scaledBytes());
            assertEquals(1_699_999_999_500_000_000L, r.endNanos()); // unix 1 700 000 000 s at uptime 10 000 ms; last at 9 500 ms
            assertEquals(1, c.counters().malformed());
            ExporterStats s = c.counters().exporters.get("127.0.0.1");
            assertEquals(2, s.datagrams.sum());
            assertEquals(2, s.records.sum());
            assertEquals(12 * 100, s.packets.sum());
            assertEquals(1_120 * 100, s.bytes.sum());
            assertEquals(1_000 * 100, c.counters().interfaces.get(new CollectorCounters.InterfaceKey("127.0.0.1", 3, "in")).bytes.sum());
            assertEquals(1_120 * 100, c.counters().interfaces.get(new CollectorCounters.InterfaceKey("127.0.0.1", 2, "out")).bytes.sum());
            assertEquals(2, observed.size());
        }
    }

    @Test
    void unknownSamplingIsCountedAndDroppedOrCountedAtTheDefault() throws Exception {
        byte[] unsampled = FlowExports.v5(0, v5("198.51.100.1", 10, 1_000, 3));
        try (FlowCollector c = collector(listening(CollectKind.NETFLOW), new ArrayList<>())) {
            send(c.ports().getFirst(), unsampled);
            RecordingPort port = drainUntil(c, new RecordingPort(), () -> c.counters().samplingUnknown() == 1);
            assertEquals(1, c.counters().samplingUnknown());
            assertEquals(1, c.counters().exporters.get("127.0.0.1").dropped.sum());
            assertTrue(port.flows.isEmpty(), "flows.default-sampling: drop");
        }
        try (FlowCollector c = collector(listening(CollectKind.NETFLOW).withDefaultSampling(1), new ArrayList<>())) {
            send(c.ports().getFirst(), unsampled);
            RecordingPort port = drainUntil(c, new RecordingPort(), () -> c.counters().handedOn() == 1);
            drainUntil(c, port, () -> port.flows.size() == 1);
            assertEquals(1, c.counters().samplingUnknown());
            assertEquals(1, port.flows.getFirst().samplingRate());
        }
    }

    @Test
    void sflowOnTheNetflowPortIsMisdirectedAndSflowCountersBecomeUtilisation() throws Exception {
        try (FlowCollector c = collector(listening(CollectKind.NETFLOW, CollectKind.SFLOW), new ArrayList<>())) {
            byte[] first = FlowExports.sflow("192.0.2.7", 0).counterSample(5, 1_000, 2_000).toByteArray();
            byte[] second = FlowExports.sflow("192.0.2.7", 0).counterSample(5, 1_000 + 1_250_000, 2_000).toByteArray();
            send(c.ports().get(0), first);
            InetAddress sflow = c.receivers().get(1).listener.address().getAddress();
            send(sflow, c.ports().get(1), first);
            drainUntil(c, new RecordingPort(), () -> c.utilisation().interfaces.size() == 1);
            clock.advance(Duration.ofSeconds(10));
            send(sflow, c.ports().get(1), second);
            var key = new InterfaceUtilisation.Key("192.0.2.7", 5);
            drainUntil(c, new RecordingPort(), () -> c.utilisation().interfaces.get(key) != null && c.utilisation().interfaces.get(key).inBps() >= 0);
            InterfaceUtilisation.Sample s = c.utilisation().interfaces.get(key);
            assertEquals(1_000_000.0, s.inBps(), 1e-6); // 1.25 MB in 10 s
            assertEquals(0.0, s.outBps(), 1e-9);
            assertEquals(1e-4, s.ratio(s.inBps()), 1e-12); // of 10 Gbit/s
            assertEquals(1, c.counters().misdirected.get(c.receivers().get(0).listener.label()).sum());
        }
    }

    private static final Field[] FIELDS = {Field.of(8, 4), Field.of(12, 4), Field.of(4, 1), Field.of(1, 4), Field.of(2, 4), Field.of(34, 4)};

    private static byte[] ipfixData() {
        byte[] body = new netwarden.testkit.ByteWriter().bytes(new byte[] {(byte) 198, 51, 100, 9}).bytes(new byte[] {(byte) 192, 0, 2, 10})
                .u8(6).u32(4_000).u32(5).u32(1).toByteArray();
        return FlowExports.ipfix(42).data(300, 1, body).toByteArray();
    }

    @Test
    void templatesAreSavedAtCloseReloadedAtStartAndWithdrawalIsHonoured() throws Exception {
        Path file = dir.resolve("flow-templates.bin");
        CollectorConfig config = listening(CollectKind.NETFLOW).withTemplatesFile(file);
        try (FlowCollector c = collector(config, new ArrayList<>())) {
            send(c.ports().getFirst(), FlowExports.ipfix(42).template(300, FIELDS).toByteArray());
            drainUntil(c, new RecordingPort(), () -> c.templatesCached() == 1);
        }
        assertTrue(Files.size(file) > 10, "saved at close");
        try (FlowCollector c = collector(config, new ArrayList<>())) {
            assertEquals(1, c.templatesCached(), "reloaded at start");
            send(c.ports().getFirst(), ipfixData()); // no template in this run: decoded with the saved one
            RecordingPort port = drainUntil(c, new RecordingPort(), () -> c.counters().handedOn() == 1);
            drainUntil(c, port, () -> port.flows.size() == 1);
            assertEquals(4_000, port.flows.getFirst().bytes());
            send(c.ports().getFirst(), FlowExports.ipfix(42).withdraw(300, false).toByteArray());
            drainUntil(c, port, () -> c.templatesCached() == 0);
        }
        try (FlowCollector c = collector(config, new ArrayList<>())) {
            assertEquals(0, c.templatesCached(), "the withdrawn template is not saved");
        }
    }

    @Test
    void aDamagedTemplateFileIsMovedAsideAndTheCollectorStartsWithout() throws Exception {
        Path file = dir.resolve("flow-templates.bin");
        Files.write(file, new byte[] {'N', 'W', 'T', 'C', 0, 1, 0, 0, 0, 9, 1, 2});
        try (FlowCollector c = collector(listening(CollectKind.NETFLOW).withTemplatesFile(file), new ArrayList<>())) {
            assertEquals(0, c.templatesCached());
        }
        assertTrue(Files.exists(dir.resolve("flow-templates.bin.corrupt")));
        assertFalse(Files.exists(file));
    }

    @Test
    void aTakenPortFailsTheStartAndReleasesTheOthers() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            var l = List.of(new CollectListener(CollectKind.SFLOW, new InetSocketAddress("127.0.0.2", 0)),
                    new CollectListener(CollectKind.NETFLOW, new InetSocketAddress("127.0.0.1", taken.getLocalPort())));
            FlowCollector c = new FlowCollector(CollectorConfig.defaults().withListeners(l), clock, r -> { });
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, c::start);
            assertTrue(e.getMessage().contains("cannot listen for netflow on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            c.close();
        }
    }
}
