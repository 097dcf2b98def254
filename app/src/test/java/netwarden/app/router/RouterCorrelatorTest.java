package netwarden.app.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import netwarden.decode.netlink.ConntrackCounters;
import netwarden.decode.netlink.ConntrackMessage;
import netwarden.decode.netlink.ConntrackTuple;
import netwarden.engine.router.AnomalyIncidents;
import netwarden.engine.router.RouterScorer;
import netwarden.engine.router.ScoringConfig;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.sources.router.ConntrackEvent;
import netwarden.sources.router.DeviceTable;
import netwarden.sources.router.Prefix;
import netwarden.sources.router.RouterConfig;
import netwarden.sources.router.dns.DomainMap;
import org.junit.jupiter.api.Test;

/** The station's logic without sockets: directions, counters each way, domains, re-syncs, incidents ending. */
class RouterCorrelatorTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final RouterConfig CONFIG = new RouterConfig(List.of(Prefix.parse("192.168.1.0/24")), List.of(), true, 1 << 20, List.of(),
            null, false, null, null);
    final List<Event> out = new ArrayList<>();
    final StationCounters counters = new StationCounters();
    final DomainMap domains = new DomainMap(100, Duration.ofHours(1));
    final RouterScorer scorer = new RouterScorer(new ScoringConfig(Duration.ofDays(1), Duration.ofDays(30), 0.01, 200, 3, 3.0,
            1 << 20, 20, 10, 1000));
    final RouterCorrelator c = new RouterCorrelator(CONFIG, new DeviceTable(CONFIG, 10), domains, scorer,
            new AnomalyIncidents(Duration.ofMinutes(5)), 100, counters, out::add);

    static ConntrackEvent event(Instant t, ConntrackMessage.Kind kind, boolean resync, long id, String src, String dst, int dport,
                                ConntrackCounters orig, ConntrackCounters reply) throws Exception {
        var tuple = new ConntrackTuple(InetAddress.getByName(src), InetAddress.getByName(dst), 17, 40000, dport, -1, -1, -1);
        return new ConntrackEvent(t, resync, new ConntrackMessage(kind, resync, 2, tuple, null, 0, -1, id, -1, orig, reply));
    }

    @Test
    void anInboundConnectionCountsTheReplyAsTheDevicesEgressAndCarriesTheDomain() throws Exception {
        domains.put(Ip.parse("203.0.113.10"), "game.example", T0);
        c.conntrack(event(T0, ConntrackMessage.Kind.NEW, false, 7, "203.0.113.10", "192.168.1.20", 27960, null, null));
        c.conntrack(event(T0.plusSeconds(30), ConntrackMessage.Kind.DESTROY, false, 7, "203.0.113.10", "192.168.1.20", 27960,
                new ConntrackCounters(3, 300), new ConntrackCounters(5, 5000)));
        assertThat(out).singleElement().isInstanceOfSatisfying(Event.RouterConnection.class, e -> {
            var k = e.connection();
            assertThat(k.device()).isEqualTo(Ip.parse("192.168.1.20"));
            assertThat(k.remote()).isEqualTo(Ip.parse("203.0.113.10"));
            assertThat(k.port()).as("the remote's port").isEqualTo(40000);
            assertThat(k.bytesOut()).isEqualTo(5000);
            assertThat(k.packetsIn()).isEqualTo(3);
            assertThat(k.domain()).isEqualTo("game.example");
            assertThat(k.lastSeenNanos() - k.firstSeenNanos()).isEqualTo(30_000_000_000L);
        });
        assertThat(c.openConnections()).isZero();
    }

    @Test
    void aResyncLetsGoOfWhatTheDumpDidNotListAndTrafficOutsideTheLanIsCounted() throws Exception {
        c.conntrack(event(T0, ConntrackMessage.Kind.NEW, false, 1, "192.168.1.20", "203.0.113.1", 443, null, null));
        c.conntrack(event(T0, ConntrackMessage.Kind.NEW, false, 2, "192.168.1.20", "203.0.113.2", 443, null, null));
        c.conntrack(event(T0, ConntrackMessage.Kind.UPDATE, true, 2, "192.168.1.20", "203.0.113.2", 443, null, null));
        c.conntrack(event(T0, ConntrackMessage.Kind.UPDATE, true, 3, "192.168.1.20", "203.0.113.3", 443, null, null));
        c.resynced();
        assertThat(c.openConnections()).isEqualTo(2);
        assertThat(counters.get("connection_lost")).isEqualTo(1);
        c.conntrack(event(T0, ConntrackMessage.Kind.NEW, false, 9, "198.51.100.1", "203.0.113.9", 53, null, null));
        assertThat(counters.get("conntrack_not_lan")).isEqualTo(1);
    }

    @Test
    void aPortScanOpensOneIncidentThatEndsWhenTheDeviceIsQuiet() throws Exception {
        for (int p = 1; p <= 5; p++) c.conntrack(event(T0.plusMillis(p), ConntrackMessage.Kind.NEW, false, p, "192.168.1.20", "203.0.113.1", p, null, null));
        assertThat(out).singleElement().isInstanceOfSatisfying(Event.Anomaly.class, a -> {
            assertThat(a.kind()).isEqualTo("anomaly_port_scan_like");
            assertThat(a.incident().hits()).isEqualTo(1);
        });
        c.tick(T0.plus(Duration.ofMinutes(4)));
        assertThat(out).hasSize(1);
        c.tick(T0.plus(Duration.ofMinutes(6)));
        assertThat(out.getLast()).isInstanceOfSatisfying(Event.AnomalyIncidentEnded.class, e ->
                assertThat(e.incident().id()).isEqualTo(((Event.Anomaly) out.getFirst()).incident().id()));
        assertThat(counters.snapshot()).containsEntry("incident_opened", 1L).containsEntry("incident_ended", 1L);
    }
}
