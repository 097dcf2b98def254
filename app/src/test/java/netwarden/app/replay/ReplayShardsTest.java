package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import netwarden.app.CliRun;
import netwarden.app.SynFlood;
import netwarden.model.Ip;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --shards 2} prints exactly what {@code --shards 1} prints (the whole JSON report:
 * traffic, services, players, attacks with their samples), on every shared capture and on
 * generated ones whose traffic spreads over many destinations.
 */
@org.junit.jupiter.api.Disabled("Known gap (issue 11): since issue 14 the recent-packet ring that seeds incident sources and the measured input span are per shard, so --shards 2 reports can differ from --shards 1 in incident sources and edge rates; engine.shards defaults to 1 until they are shared")
class ReplayShardsTest {
    private static final Path SHARED = Path.of(System.getProperty("netwarden.shared", "../../shared")).resolve("testdata").resolve("pcap");

    @TempDir
    static Path dir;

    private static String replay(int shards, Path file) {
        CliRun run = CliRun.of("replay", "--format", "json", "--shards", String.valueOf(shards), file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return run.out();
    }

    private static void assertShardsAgree(Path file) {
        String one = replay(1, file);
        assertThat(replay(2, file)).as(file.toString()).isEqualTo(one);
    }

    @Test
    void everySharedCaptureReplaysTheSameOnTwoShards() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "no shared test data at " + SHARED.toAbsolutePath());
        List<Path> captures;
        try (Stream<Path> files = Files.list(SHARED)) {
            captures = files.filter(f -> f.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        assertThat(captures).isNotEmpty();
        for (Path f : captures) assertShardsAgree(f);
    }

    @Test
    void aSynFloodReplaysTheSameOnTwoShards() throws IOException {
        assertShardsAgree(Files.write(dir.resolve("synflood.pcap"), new SynFlood(5000, 0).bytes));
    }

    /** Game sessions with answers on 16 servers, then a flood on one of them and a spread one on all. */
    @Test
    void manyDestinationsWithPlayersAndFloodsReplayTheSameOnTwoShards() throws IOException {
        var rnd = new SplittableRandom(3);
        var pcap = PcapWriter.micros(1);
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 120_000; i++) {
            t += i < 40_000 ? 500_000 : 20_000;
            boolean flood = i >= 40_000;
            int server = flood && i < 80_000 ? 0 : i % 16;
            int src = flood ? rnd.nextInt(20_000) : i % 48;
            String from = Ip.ofV4(0xc6330000 | src).toString(), to = "10.0.0." + (server + 1);
            pcap.record(t, udp(from, 40000 + (src & 15), to, 27960, 18));
            if (!flood) pcap.record(t + 100_000, udp(to, 27960, from, 40000 + (src & 15), 38));
        }
        assertShardsAgree(Files.write(dir.resolve("many.pcap"), pcap.toByteArray()));
    }

    private static byte[] udp(String src, int srcPort, String dst, int dstPort, int payload) {
        return Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4(src, dst).packet(Frames.UDP, Frames.udp(srcPort, dstPort, new byte[payload])));
    }
}
