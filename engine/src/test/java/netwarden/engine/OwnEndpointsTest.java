package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;
import netwarden.model.ingest.OwnEndpoint;
import org.junit.jupiter.api.Test;

/** netwarden's own game queries: never a player, never a source, whatever their rate. */
class OwnEndpointsTest {
    static final String SERVER = RuntimeServicesTest.SERVER;
    static final String HOST = "192.0.2.50"; // where netwarden runs

    @Test
    void ownQueryPacketsAreDroppedBothWaysAndCountedApart() {
        Engine e = new RuntimeServicesTest().engine(List.of(new ServiceSpec("arena", RuntimeServicesTest.ARENA, null)));
        e.addOwnEndpoint(new OwnEndpoint(Proto.UDP, 40000, Ip.parse(SERVER), 27960));
        Traffic t = new Traffic(e);
        t.play(HOST, 40000, SERVER, 27960, 0, 20, 20, true); // the poller, talking like a player
        t.play("198.51.100.7", 27005, SERVER, 27960, 0, 20, 20, true); // a real player
        t.udp(20.5, HOST, 40001, SERVER, 27960, 60); // another local port is not ours
        t.flush();
        var snap = e.published().get();
        assertThat(snap.players()).extracting(p -> p.address().toString()).containsExactly("198.51.100.7");
        assertThat(e.ownPackets()).isGreaterThan(0);
        var arena = RuntimeServicesTest.service(e, "arena");
        long ownBefore = e.ownPackets();
        e.removeOwnEndpoint(new OwnEndpoint(Proto.UDP, 40000, Ip.parse(SERVER), 27960));
        t.udp(21.5, HOST, 40000, SERVER, 27960, 60);
        t.udp(22.5, HOST, 40000, SERVER, 27960, 60);
        t.flush();
        assertThat(e.ownPackets()).isEqualTo(ownBefore);
        assertThat(RuntimeServicesTest.service(e, "arena").packetsIn()).isGreaterThan(arena.packetsIn());
    }
}
