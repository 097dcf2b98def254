package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.CliContext;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.run.LiveRuntime;
import netwarden.model.ServiceSnapshot;
import netwarden.sources.collect.CollectListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live: {@code ../shared/tools/export-flows.sh} replays {@code generated-local/input-loopback.pcap} through
 * the real exporters (softflowd for NetFlow v5, v9 and IPFIX, and v9 1:10 sampled; pmacct's sfprobe for sFlow v5,
 * 1:10 sampled)
 * at one netwarden collector on 127.0.0.1, and the two configured services' packet and byte totals must
 * equal what tshark counts in that capture: exactly for the unsampled exports (bytes as the IP layer
 * counts them), and for the sampled ones within the bound stated in {@link #withinTheSamplingBound}.
 *
 * <p>One runtime for every export, compared by the growth of the totals, so the test costs one start.
 */
class FlowExportLiveTest {
    private static final Path SHARED = Path.of(System.getProperty("netwarden.shared", "../../shared"));
    private static final Path SCRIPT = SHARED.resolve("tools/export-flows.sh");
    private static final Path INPUT = SHARED.resolve("testdata/flows/generated-local/input-loopback.pcap");

    @TempDir
    Path dir;

    /** Packets and IP bytes to a service in the capture, by tshark. */
    record Truth(long packets, long ipBytes, long frameBytes) {}

    private static Truth tshark(String filter, String lengthField, int headerAdd) throws Exception {
        Tools.Result r = Tools.run(List.of(Tools.find("tshark").toString(), "-r", INPUT.toString(), "-Y", filter, "-T", "fields",
                "-e", lengthField, "-e", "frame.len", "-E", "occurrence=f"), 60); // the outer header: ICMP errors quote an inner one
        assertThat(r.exitCode()).as(r.toString()).isZero();
        long packets = 0, bytes = 0, frames = 0;
        for (String line : r.output().split("\n")) {
            String[] f = line.trim().split("\t");
            if (f.length < 2 || f[0].isEmpty()) continue;
            packets++;
            bytes += Long.parseLong(f[0]) + headerAdd;
            frames += Long.parseLong(f[1]);
        }
        return new Truth(packets, bytes, frames);
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }

    private static ServiceSnapshot service(LiveRuntime runtime, String name) {
        return runtime.snapshots().get().services().stream().filter(s -> s.id().equals(name)).findFirst().orElse(null);
    }

    private static long[] totals(LiveRuntime runtime, String name) {
        ServiceSnapshot s = service(runtime, name);
        return s == null ? new long[2] : new long[] {s.packetsIn(), s.bytesIn()};
    }

    /** {@code netwarden_flow_packets_total} and {@code _bytes_total} summed over exporters: all the records stand for. */
    private static long[] exporterTotals(LiveRuntime runtime) {
        long[] out = new long[2];
        for (var m : runtime.registry().scrape()) {
            String name = m.getMetadata().getPrometheusName();
            int i = name.equals("netwarden_flow_packets") ? 0 : name.equals("netwarden_flow_bytes") ? 1 : -1;
            if (i < 0) continue;
            for (var d : ((io.prometheus.metrics.model.snapshots.CounterSnapshot) m).getDataPoints()) out[i] += (long) d.getValue();
        }
        return out;
    }

    /** Runs the exporter, then waits until the service totals stop growing (or 20 s); returns their growth. */
    private static long[][] export(LiveRuntime runtime, String protocol, int port, String... extra) throws Exception {
        long[] arenaBefore = totals(runtime, "arena"), v6Before = totals(runtime, "arena6");
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), INPUT.toString(), protocol, Integer.toString(port)));
        cmd.addAll(List.of(extra));
        Tools.Result r = Tools.run(cmd, Map.of(), null, 150);
        assertThat(r.exitCode()).as(protocol + ": " + r).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long[] last = null;
        int stable = 0;
        while (System.nanoTime() < deadline && stable < 3) {
            Thread.sleep(500);
            long[] now = {totals(runtime, "arena")[0], totals(runtime, "arena6")[0]};
            stable = last != null && now[0] == last[0] && now[1] == last[1] && now[0] > arenaBefore[0] ? stable + 1 : 0;
            last = now;
        }
        long[] arena = totals(runtime, "arena"), v6 = totals(runtime, "arena6");
        return new long[][] {{arena[0] - arenaBefore[0], arena[1] - arenaBefore[1]}, {v6[0] - v6Before[0], v6[1] - v6Before[1]}};
    }

    @Test
    void exportedTotalsEqualTheSourceCapture() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(SCRIPT) && Files.isReadable(INPUT), "../shared/tools/export-flows.sh or its input capture is absent");
        for (String tool : List.of("softflowd", "softflowctl", "pmacctd", "tshark"))
            Assumptions.assumeTrue(Tools.find(tool) != null, tool + " not installed (Debian packages softflowd, pmacct, tshark)");
        Truth arena = tshark("ip.dst == 127.0.0.1 && udp.dstport == 27015", "ip.len", 0);
        Truth arena6 = tshark("ipv6.dst == ::1 && udp.dstport == 7777", "ipv6.plen", 40);
        assertThat(arena.packets()).isPositive();
        assertThat(arena6.packets()).isPositive();

        int netflow = freePort(), sflow = freePort();
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                http:
                  listen: 127.0.0.1:0
                services:
                  - name: arena
                    address: 127.0.0.1
                    port: 27015
                  - name: arena6
                    address: "::1"
                    port: 7777
                discovery:
                  enabled: false
                flows:
                  default-sampling: 1
                state:
                  dir: %s
                """.formatted(dir.resolve("state")));
        NetwardenConfig c = new CliContext(Map.of()).configLoader().load(config);
        c = c.withCollect(c.collect().withListeners(List.of(CollectListener.parse("netflow=127.0.0.1:" + netflow),
                CollectListener.parse("sflow=127.0.0.1:" + sflow))));
        try (LiveRuntime runtime = new LiveRuntime(c, null)) {
            runtime.start();
            // NetFlow v5 carries IPv4 only; v9 and IPFIX both services. Bytes are the IP layer's, as the exporters count them.
            long[][] v5 = export(runtime, "nf5", netflow);
            assertThat(v5[0]).as("v5 arena packets, bytes").containsExactly(arena.packets(), arena.ipBytes());
            for (String p : List.of("nf9", "ipfix")) {
                long[][] got = export(runtime, p, netflow);
                assertThat(got[0]).as(p + " arena packets, bytes").containsExactly(arena.packets(), arena.ipBytes());
                assertThat(got[1]).as(p + " arena6 packets, bytes").containsExactly(arena6.packets(), arena6.ipBytes());
            }
            // softflowd samples every 10th packet: systematic, so over a request/response exchange it picks one direction
            // only and a service's share is no binomial draw; the exporter's whole traffic is (every packet of the capture).
            long[] before = exporterTotals(runtime);
            export(runtime, "nf9", netflow, "--sampling", "10");
            long[] after = exporterTotals(runtime);
            long[][] sampled9 = {{after[0] - before[0], after[1] - before[1]}, {0, 0}};
            Truth all = tshark("ip", "ip.len", 0), all6 = tshark("ipv6", "ipv6.plen", 40);
            withinTheSamplingBound("NetFlow v9 1:10 (all traffic)", sampled9, all.packets() + all6.packets(), all.ipBytes() + all6.ipBytes());
            long[][] sampledSflow = export(runtime, "sflow", sflow, "--sampling", "10");
            withinTheSamplingBound("sFlow 1:10", sampledSflow, arena.packets() + arena6.packets(), arena.frameBytes() + arena6.frameBytes());
            System.out.printf("[FlowExportLiveTest] capture: %d packets, %d IP bytes (services: %d, %d); NetFlow v9 1:10 (all): %d packets,"
                    + " %d bytes; sFlow 1:10 (services): %d packets, %d bytes (frames: %d)%n", all.packets() + all6.packets(),
                    all.ipBytes() + all6.ipBytes(), arena.packets() + arena6.packets(), arena.ipBytes() + arena6.ipBytes(),
                    sampled9[0][0], sampled9[0][1], sampledSflow[0][0] + sampledSflow[1][0],
                    sampledSflow[0][1] + sampledSflow[1][1], arena.frameBytes() + arena6.frameBytes());
        }
    }

    /**
     * 1:10 sampling: each sampled packet stands for 10, so an estimate of n packets has a standard deviation of
     * about 10·sqrt(n·0.1·0.9) (binomial sampling; a systematic 1-in-10 sampler does better); the test allows 5 of
     * them (a false failure less than once in a million runs), and the same relative error for bytes: IP bytes for
     * NetFlow, frame lengths for sFlow (its samples carry the frame as captured). Both services' totals together.
     */
    private static void withinTheSamplingBound(String what, long[][] got, long truePackets, long trueBytes) {
        long packets = got[0][0] + got[1][0], bytes = got[0][1] + got[1][1];
        double sd = 10 * Math.sqrt(truePackets * 0.1 * 0.9);
        assertThat((double) packets).as("%s packets vs %d", what, truePackets).isBetween(truePackets - 5 * sd, truePackets + 5 * sd);
        double relative = 5 * sd / truePackets;
        assertThat((double) bytes).as("%s bytes vs %d", what, trueBytes).isBetween(trueBytes * (1 - relative), trueBytes * (1 + relative));
        assertThat(packets % 10).as("%s: every sampled packet counts 10", what).isZero();
    }
}
