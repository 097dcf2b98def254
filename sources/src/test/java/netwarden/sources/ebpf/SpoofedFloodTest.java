package netwarden.sources.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.ServiceSnapshot;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.GameScenario;
import netwarden.sources.live.GameTraffic;
import netwarden.sources.live.LivePipeline;
import netwarden.sources.live.LiveLab;
import netwarden.sources.live.NetnsLab;
import netwarden.sources.live.PacketInjector;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;

/**
 * A spoofed-source flood (210 000 distinct sources) against the game port while three real
 * players play, with a deliberately small flow map (4096 entries): the per-port totals must stay
 * exact, the players must stay players (one join and one leave each, the leave after they stop),
 * evictions must be counted, and the process must not grow with the number of sources.
 */
@LiveLab(LiveLab.Capture.EBPF)
class SpoofedFloodTest {
    static final int SOURCES = 210_000, PLAYERS = 3, PLAY_PACKETS = 400, FLOW_ENTRIES = 4096;

    @Test
    void portTotalsStayExactAndPlayersStayPlayers() throws Exception {
        try (NetnsLab lab = NetnsLab.create(22)) {
            EngineConfig base = GameScenario.engineConfig(lab);
            EngineConfig config = new EngineConfig(base.services(), base.discovery(), base.players(), base.windows(), 50_000);
            List<Event> events = new CopyOnWriteArrayList<>();
            Engine engine = new Engine(config, events::add, true);
            EbpfSource source = new EbpfSource(lab.serverIf, CaptureConfig.defaults().withEbpfFlowEntries(FLOW_ENTRIES),
                    lab.serverNsPath(), Clock.SYSTEM);
            CaptureCounters counters = source.counters().getFirst();
            GameTraffic traffic = new GameTraffic();
            LivePipeline pipeline = new LivePipeline(List.of(source), Clock.SYSTEM);
            List<String> players = new ArrayList<>();
            long rssBefore, rssPeak = 0;
            double fillPeak = 0;
            try (traffic; pipeline) {
                pipeline.start(engine);
                traffic.udpServer(lab.serverNsPath(), lab.serverV4(), false);
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < PLAYERS; i++) {
                    String a = lab.peerV4(10 + i);
                    players.add(a);
                    clients.add(traffic.udpClient(lab.peerNsPath(), a, lab.serverV4(), 'P', GameTraffic.PLAY_PAYLOAD, PLAY_PACKETS,
                            Duration.ofMillis(20).toNanos(), false));
                }
                GameScenario.awaitJoins(events, PLAYERS, 8000); // under attack the engine freezes joins
                rssBefore = rss();
                GameTraffic.Books books = traffic.books(lab.serverV4());
                String mac = lab.serverMac();
                byte[] frame = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV4,
                        Frames.ipv4("10.64.0.0", lab.serverV4()).packet(Frames.UDP, Frames.udp(5555, GameTraffic.GAME_PORT, new byte[18]))));
                try (PacketInjector out = PacketInjector.open(lab.peerNsPath(), lab.peerIf)) {
                    for (int i = 0; i < SOURCES; i++) {
                        spoofSource(frame, 0x0a40_0000 + i);
                        out.send(frame);
                        books.in(frame.length);
                        if (i % 1000 == 999) {
                            LockSupport.parkNanos(8_000_000); // ~120 k packets/s: the flood lasts about 2 s
                            fillPeak = Math.max(fillPeak, counters.mapFill());
                            rssPeak = Math.max(rssPeak, rss());
                        }
                    }
                }
                for (Thread t : clients) t.join(20_000);
                long until = System.currentTimeMillis() + 3000 + pipeline.closeDelayNanos() / 1_000_000 + 1600;
                while (System.currentTimeMillis() < until) {
                    Thread.sleep(100);
                    fillPeak = Math.max(fillPeak, counters.mapFill());
                    rssPeak = Math.max(rssPeak, rss());
                }
                assertThat(lab.peerTxDrops()).as("veth drops before capture").isZero();
            }
            assertThat(pipeline.failure()).isNull();
            System.out.printf("spoofed flood: %d sources, evictions %d, map fill peak %.2f, RSS growth %d MiB, read cycles %d (%.1f ms avg)%n",
                    SOURCES, counters.evictions(), fillPeak, (rssPeak - rssBefore) >> 20, counters.readCycles(),
                    1000 * counters.readCycleSeconds() / Math.max(1, counters.readCycles()));
            GameTraffic.Books books = traffic.books(lab.serverV4());
            ServiceSnapshot game = engine.snapshot().services().stream().filter(s -> s.name().equals("game")).findFirst().orElseThrow();
            assertThat(books.packetsIn.get()).isEqualTo((long) PLAYERS * PLAY_PACKETS + SOURCES);
            assertThat(game.packetsIn()).as("game packets in").isEqualTo(books.packetsIn.get());
            assertThat(game.bytesIn()).as("game bytes in").isEqualTo(books.bytesIn.get());
            assertThat(game.packetsOut()).as("game packets out").isEqualTo(books.packetsOut.get());
            assertThat(counters.evictions()).as("evictions counted").isGreaterThan(SOURCES / 2);
            assertThat(counters.drops("unattributed")).isZero();
            assertThat(fillPeak).as("flow map filled during the flood").isGreaterThan(0.9);

            List<String> joined = events.stream().filter(e -> e instanceof Event.PlayerJoined)
                    .map(e -> ((Event.PlayerJoined) e).player().address().toString()).toList();
            List<String> left = events.stream().filter(e -> e instanceof Event.PlayerLeft)
                    .map(e -> ((Event.PlayerLeft) e).player().address().toString()).toList();
            assertThat(joined).as("each real player joined once, nobody else").containsExactlyInAnyOrderElementsOf(players);
            assertThat(left).as("each left once, after playing").containsExactlyInAnyOrderElementsOf(players);
            assertThat(rssPeak - rssBefore).as("RSS growth during a %d-source flood", SOURCES).isLessThan(160L << 20);
        }
    }

    private static void spoofSource(byte[] frame, int src) {
        int ip = 14;
        frame[ip + 12] = (byte) (src >>> 24);
        frame[ip + 13] = (byte) (src >>> 16);
        frame[ip + 14] = (byte) (src >>> 8);
        frame[ip + 15] = (byte) src;
        frame[ip + 10] = frame[ip + 11] = 0;
        long sum = 0;
        for (int i = 0; i < 20; i += 2) sum += ((frame[ip + i] & 0xff) << 8) | (frame[ip + i + 1] & 0xff);
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        frame[ip + 10] = (byte) (~sum >>> 8);
        frame[ip + 11] = (byte) ~sum;
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        throw new IllegalStateException("no VmRSS");
    }
}
