package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import org.junit.jupiter.api.Test;

class PlayersTest {
    static final String SERVER = "192.0.2.1";
    final EventLog log = new EventLog();

    Engine configured(int proto, int port) {
        var spec = new ServiceSpec("arena", new ServiceKey(Ip.parse(SERVER), proto, port), "connect arena.example:27960");
        var base = EngineConfig.defaults();
        return new Engine(new EngineConfig(List.of(spec), base.discovery(), base.players(), base.windows(), base.flowCapacity()), log, false);
    }

    @Test
    void answeredGameTrafficJoinsWithinTenSecondsAndLeavesAfterSilence() {
        Engine engine = configured(Proto.UDP, 27960);
        Traffic t = new Traffic(engine);
        t.play("198.51.100.7", 27960, SERVER, 27960, 0.3, 40, 25, true);
        t.play("198.51.100.8", 40000, SERVER, 27960, 0, 80, 30, true); // keeps time moving
        t.flush();
        engine.finish();

        var joins = log.of(Event.PlayerJoined.class);
        var leaves = log.of(Event.PlayerLeft.class);
        assertThat(joins).extracting(j -> j.player().address().toString()).containsExactlyInAnyOrder("198.51.100.7", "198.51.100.8");
        Event.PlayerJoined alice = joins.stream().filter(j -> j.player().address().toString().equals("198.51.100.7")).findFirst().orElseThrow();
        assertThat(alice.tsNanos() - Traffic.at(0.3)).isBetween(4_000_000_000L, 10_000_000_000L);
        assertThat(leaves).hasSize(1);
        PlayerSnapshot gone = leaves.getFirst().player();
        assertThat(gone.address()).isEqualTo(Ip.parse("198.51.100.7"));
        assertThat(leaves.getFirst().tsNanos() - gone.lastSeenNanos()).isBetween(15_000_000_000L, 16_000_000_000L);
        assertThat(gone.packetsIn()).isEqualTo(gone.packetsOut()).isBetween(990L, 1000L);

        EngineSnapshot snap = engine.snapshot();
        var svc = snap.service("arena");
        assertThat(svc.playersNow()).isEqualTo(1);
        assertThat(svc.playersPeak()).isEqualTo(2);
        assertThat(svc.discovered()).isFalse();
        assertThat(snap.players()).hasSize(2);
        assertThat(snap.players()).filteredOn(PlayerSnapshot::left).hasSize(1);
    }

    @Test
    void queryOnlyHostsFloodsAndReflectionsNeverJoin() {
        Engine engine = configured(Proto.UDP, 27960);
        Traffic t = new Traffic(engine);
        for (int q = 0; q < 16; q++) { // a status poller: getinfo + getstatus every 5 s, answered
            double at = q * 5.0;
            t.udp(at, "203.0.113.14", 50000 + q, SERVER, 27960, 60);
            t.udp(at + 0.01, SERVER, 27960, "203.0.113.14", 50000 + q, 900);
            t.udp(at + 0.02, "203.0.113.14", 50000 + q, SERVER, 27960, 60);
            t.udp(at + 0.03, SERVER, 27960, "203.0.113.14", 50000 + q, 900);
        }
        t.play("203.0.113.66", 4444, SERVER, 27960, 10, 40, 200, false);          // one-way flood
        t.play("203.0.113.77", 11211, SERVER, 27960, 20, 50, 50, false);          // memcached reflector
        t.play("198.51.100.9", 27960, SERVER, 27960, 0, 80, 20, true);           // the one real player
        t.flush();
        engine.finish();
        assertThat(log.of(Event.PlayerJoined.class)).extracting(j -> j.player().address().toString()).containsExactly("198.51.100.9");
    }

    @Test
    void tcpPlayerNeedsDataBothWaysAndLeavesOnFin() {
        Engine engine = configured(Proto.TCP, 25565);
        Traffic t = new Traffic(engine);
        String c = "198.51.100.20";
        t.tcp(0, c, 50001, SERVER, 25565, 0x02, 0);        // SYN
        t.tcp(0.01, SERVER, 25565, c, 50001, 0x12, 0);     // SYN-ACK
        t.tcp(0.02, c, 50001, SERVER, 25565, 0x10, 0);     // ACK
        for (int i = 0; i < 200; i++) {
            t.tcp(0.1 + i * 0.05, c, 50001, SERVER, 25565, 0x18, 40);
            t.tcp(0.12 + i * 0.05, SERVER, 25565, c, 50001, 0x18, 300);
        }
        // SYN noise under the detection floors (and from fewer new sources than the service-relative bar of 40 in 10 s)
        for (int i = 0; i < 600; i++) t.tcp(1 + i * 0.005, "203.0.113." + (i % 30), 1000 + i, SERVER, 25565, 0x02, 0);
        t.tcp(11, c, 50001, SERVER, 25565, 0x11, 0);       // FIN
        t.tcp(13, "198.51.100.21", 50002, SERVER, 25565, 0x02, 0); // time moves on
        t.flush();
        engine.finish();
        assertThat(log.of(Event.PlayerJoined.class)).extracting(j -> j.player().address().toString()).containsExactly(c);
        var left = log.of(Event.PlayerLeft.class);
        assertThat(left).hasSize(1);
        assertThat(left.getFirst().tsNanos()).isLessThanOrEqualTo(Traffic.at(13));
    }

    @Test
    void ownAddressIsNeverASource() {
        Engine engine = configured(Proto.UDP, 27960);
        Traffic t = new Traffic(engine);
        t.play(SERVER, 27961, SERVER, 27960, 0, 30, 30, true);
        t.flush();
        engine.finish();
        assertThat(log.of(Event.PlayerJoined.class)).isEmpty();
        assertThat(engine.snapshot().service("arena").packetsIn()).isEqualTo(900);
    }
}
