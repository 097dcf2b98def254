package netwarden.sources.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LivePipeline;
import org.junit.jupiter.api.Test;

/** The proc source against real TCP sockets the test opens on loopback (no privileges needed). */
class ProcSourceTest {
    @Test
    void establishedTcpPeersBecomePlayersAndLeaveWhenTheyClose() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = server.socket().getLocalPort();
            var service = new ServiceSpec("tcpgame", new ServiceKey(Ip.parse("127.0.0.1"), Proto.TCP, port), null);
            PlayerConfig players = new PlayerConfig(5, 1, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(3), 100);
            List<Event> events = new CopyOnWriteArrayList<>();
            Engine engine = new Engine(new EngineConfig(List.of(service), DiscoveryConfig.defaults(), players, WindowConfig.defaults(), 1000),
                    events::add, true);
            ProcSource source = new ProcSource(List.of("lo"), CaptureConfig.defaults(), null, Clock.SYSTEM);
            List<SocketChannel> clients = new ArrayList<>(), accepted = new ArrayList<>();
            try (LivePipeline pipeline = new LivePipeline(List.of(source), Clock.SYSTEM)) {
                pipeline.start(engine);
                for (String from : new String[] {"127.0.0.2", "127.0.0.3"}) {
                    SocketChannel c = SocketChannel.open();
                    c.bind(new InetSocketAddress(from, 0));
                    c.connect(server.socket().getLocalSocketAddress());
                    c.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                    clients.add(c);
                    accepted.add(server.accept());
                }
                awaitEvents(events, Event.PlayerJoined.class, 2, 8000);
                assertThat(source.connections().get().byRemote()).extracting(ConnectionsSnapshot.RemoteCount::remote)
                        .contains(Ip.parse("127.0.0.2"), Ip.parse("127.0.0.3"));
                assertThat(source.counters().getFirst().packets()).as("loopback counters moved").isPositive();
                clients.getFirst().close();
                accepted.getFirst().close();
                awaitEvents(events, Event.PlayerLeft.class, 1, 5000);
            } finally {
                for (SocketChannel c : clients) c.close();
                for (SocketChannel c : accepted) c.close();
            }
            assertThat(joined(events, Event.PlayerJoined.class)).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
            assertThat(joined(events, Event.PlayerLeft.class)).containsExactly("127.0.0.2");
            assertThat(engine.snapshot().services().getFirst().packetsIn()).as("connection-seconds").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void anUnknownInterfaceFailsAtStart() {
        ProcSource source = new ProcSource(List.of("nosuch0"), CaptureConfig.defaults(), null, Clock.SYSTEM);
        assertThatThrownBy(() -> source.start(new Handoff())).isInstanceOf(CaptureException.class)
                .hasMessage("proc source: no interface nosuch0 in /proc/net/dev; check capture.interfaces");
    }

    private static List<String> joined(List<Event> events, Class<? extends Event> kind) {
        return events.stream().filter(kind::isInstance).map(e -> switch (e) {
            case Event.PlayerJoined j -> j.player().address().toString();
            case Event.PlayerLeft l -> l.player().address().toString();
            default -> "";
        }).toList();
    }

    private static void awaitEvents(List<Event> events, Class<? extends Event> kind, int n, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (events.stream().filter(kind::isInstance).count() < n && System.currentTimeMillis() < until) Thread.sleep(50);
        assertThat(events.stream().filter(kind::isInstance).count()).as("%s events within %d ms: %s", kind.getSimpleName(), millis, events)
                .isGreaterThanOrEqualTo(n);
    }
}
