package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.ServiceSpec;

/**
 * The live-capture acceptance scenario, shared by the pcap and eBPF tests: in a fresh
 * {@link NetnsLab}, four IPv4 players and one IPv6 player play a UDP game at 50 packets/s for 5 s
 * (each answered); a query-only host asks once a second; a one-way flood of 20 000 packets hits
 * the game port once they have joined; two TCP clients talk to an echo server; and hand-built frames (802.1Q and QinQ
 * tags, IPv4 fragments, IPv6 extension headers, see {@link Injected}) arrive from outside the stack. The
 * source under test watches the server's veth; afterwards the engine's per-service packet and byte
 * counts must equal the traffic's own books exactly, every real player must have joined and left,
 * and nobody else may have joined.
 */
public final class GameScenario {
    static final int PLAYERS_V4 = 4, PLAY_PACKETS = 250, QUERIES = 4, FLOOD = 20_000, TCP_MESSAGES = 40;
    static final long TICK = Duration.ofMillis(20).toNanos();

    public record Result(EngineSnapshot snapshot, List<Event> events, GameTraffic traffic, List<String> players,
                         List<String> nonPlayers, List<String> tcpPlayers, String v4, String v6, Injected injected,
                         LiveSource source) {
        public ServiceSnapshot service(String name) {
            return snapshot.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }

        public List<String> joined() {
            return events.stream().filter(e -> e instanceof Event.PlayerJoined).map(e -> ((Event.PlayerJoined) e).player().address().toString()).toList();
        }

        public List<String> left() {
            return events.stream().filter(e -> e instanceof Event.PlayerLeft).map(e -> ((Event.PlayerLeft) e).player().address().toString()).toList();
        }
    }

    private GameScenario() {}

    public static EngineConfig engineConfig(NetnsLab lab) {
        PlayerConfig players = new PlayerConfig(5, 1, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(3), 1000);
        return new EngineConfig(List.of(
                new ServiceSpec("game", new ServiceKey(Ip.parse(lab.serverV4()), Proto.UDP, GameTraffic.GAME_PORT), null),
                new ServiceSpec("game6", new ServiceKey(Ip.parse(lab.serverV6()), Proto.UDP, GameTraffic.GAME_PORT), null),
                new ServiceSpec("tcpgame", new ServiceKey(Ip.parse(lab.serverV4()), Proto.TCP, GameTraffic.TCP_PORT), null)),
                DiscoveryConfig.defaults(), players, WindowConfig.defaults(), 200_000);
    }

    /** Runs the scenario with the source {@code sourceFor} builds for the lab's server interface. */
    public static Result run(NetnsLab lab, Function<NetnsLab, LiveSource> sourceFor) throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Engine engine = new Engine(engineConfig(lab), events::add, true);
        LiveSource source = sourceFor.apply(lab);
        LivePipeline pipeline = new LivePipeline(List.of(source), Clock.SYSTEM);
        List<String> players = new ArrayList<>(), nonPlayers = new ArrayList<>(), tcpPlayers = new ArrayList<>();
        GameTraffic traffic = new GameTraffic();
        Injected injected;
        try (traffic; pipeline) {
            pipeline.start(engine);
            traffic.udpServer(lab.serverNsPath(), lab.serverV4(), false);
            traffic.udpServer(lab.serverNsPath(), lab.serverV6(), false);
            traffic.tcpServer(lab.serverNsPath(), lab.serverV4());
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < PLAYERS_V4; i++) {
                String a = lab.peerV4(10 + i);
                players.add(a);
                clients.add(traffic.udpClient(lab.peerNsPath(), a, lab.serverV4(), 'P', GameTraffic.PLAY_PAYLOAD, PLAY_PACKETS, TICK, false));
            }
            String v6 = lab.peerV6(0x10);
            players.add(Ip.parse(v6).toString());
            clients.add(traffic.udpClient(lab.peerNsPath(), v6, lab.serverV6(), 'P', GameTraffic.PLAY_PAYLOAD, PLAY_PACKETS, TICK, false));
            String query = lab.peerV4(50), flood = lab.peerV4(99);
            nonPlayers.add(query);
            nonPlayers.add(flood);
            clients.add(traffic.udpClient(lab.peerNsPath(), query, lab.serverV4(), 'Q', GameTraffic.QUERY_PAYLOAD, QUERIES,
                    Duration.ofSeconds(1).toNanos(), false));
            for (int i = 0; i < 2; i++) {
                String a = lab.peerV4(60 + i);
                tcpPlayers.add(a);
                clients.add(traffic.tcpClient(lab.peerNsPath(), a, lab.serverV4(), TCP_MESSAGES, Duration.ofMillis(100).toNanos()));
            }
            Thread.sleep(1000);
            injected = Injected.send(lab, traffic);
            // The flood comes once the players have joined: under attack the engine freezes joins.
            awaitJoins(events, players.size(), 8000);
            clients.add(traffic.udpClient(lab.peerNsPath(), flood, lab.serverV4(), 'F', GameTraffic.FLOOD_PAYLOAD, FLOOD, 0, false));
            for (Thread t : clients) t.join(20_000);
            long lastPacket = System.currentTimeMillis();
            // leave-after (3 s) + the pipeline's close delay + one second to close
            long until = lastPacket + 3000 + pipeline.closeDelayNanos() / 1_000_000 + 1600;
            while (System.currentTimeMillis() < until) Thread.sleep(100);
            assertThat(lab.peerTxDrops()).as("the veth dropped packets before capture; the books would be wrong").isZero();
        }
        assertThat(pipeline.failure()).as("pipeline failure").isNull();
        return new Result(engine.snapshot(), List.copyOf(events), traffic, players, nonPlayers, tcpPlayers, lab.serverV4(),
                lab.serverV6(), injected, source);
    }

    /** Waits until {@code n} players joined (or the timeout passed). */
    public static void awaitJoins(List<Event> events, int n, long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (events.stream().filter(e -> e instanceof Event.PlayerJoined).count() < n && System.currentTimeMillis() < until)
            Thread.sleep(50);
    }

    /** The assertions both capture modes must pass. */
    public static void assertExact(Result r) {
        for (String[] s : new String[][] {{"game", r.v4()}, {"game6", r.v6()}}) {
            GameTraffic.Books b = r.traffic().books(s[1]);
            ServiceSnapshot svc = r.service(s[0]);
            assertThat(svc.packetsIn()).as(s[0] + " packets in").isEqualTo(b.packetsIn.get());
            assertThat(svc.bytesIn()).as(s[0] + " bytes in").isEqualTo(b.bytesIn.get());
            assertThat(svc.packetsOut()).as(s[0] + " packets out").isEqualTo(b.packetsOut.get());
            assertThat(svc.bytesOut()).as(s[0] + " bytes out").isEqualTo(b.bytesOut.get());
        }
        GameTraffic.Books game = r.traffic().books(r.v4());
        assertThat(game.packetsIn.get()).isEqualTo(PLAYERS_V4 * PLAY_PACKETS + QUERIES + FLOOD + Injected.V4_TO_GAME);
        assertThat(r.service("tcpgame").packetsIn()).as("tcp packets in").isGreaterThanOrEqualTo(2L * TCP_MESSAGES);

        List<String> joined = r.joined();
        assertThat(joined).as("players joined").containsAll(r.players()).containsAll(r.tcpPlayers());
        assertThat(joined).as("never players").doesNotContainAnyElementsOf(r.nonPlayers());
        assertThat(joined).hasSize(r.players().size() + r.tcpPlayers().size());
        assertThat(r.left()).as("players left").containsExactlyInAnyOrderElementsOf(joined);
        for (CaptureCounters c : r.source().counters()) {
            assertThat(c.drops(CaptureCounters.HANDOFF)).as("handoff drops").isZero();
            assertThat(c.drops(CaptureCounters.KERNEL)).as("kernel drops").isZero();
        }
    }
}
