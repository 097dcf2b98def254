package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import netwarden.model.AttackKind;
import netwarden.model.ScopeKind;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.PortCount;
import netwarden.model.ServiceKey;
import netwarden.model.Severity;
import netwarden.model.SourceCount;
import org.junit.jupiter.api.Test;

class EventRowsTest {
    static final long NS = 1_800_000_000_000_000_000L;
    final Ip player = Ip.parse("198.51.100.7"), attacker = Ip.parse("203.0.113.9");
    final EventRows rows = new EventRows("", ip -> ip.equals(player) ? new AddressInfo("DE", 3320, "residential")
            : new AddressInfo("US", 13335, "hosting"));

    @Test
    void joinsAndLeavesBecomeEventsAndOneSession() {
        var out = Rows.Batch.builder();
        var joined = new PlayerSnapshot("arena", player, NS, NS + 2_000_000_000L, 40, 50, 4000, 5000, NS + 1_000_000_000L, 0);
        var left = new PlayerSnapshot("arena", player, NS, NS + 9_000_000_000L, 400, 500, 40_000, 50_000, NS + 1_000_000_000L, NS + 10_000_000_000L);
        rows.add(new Event.PlayerJoined(NS + 1_000_000_000L, "arena", joined, 1), out);
        rows.add(new Event.PlayerLeft(NS + 10_000_000_000L, "arena", left, 0), out);
        Rows.Batch b = out.build();
        assertThat(b.events()).extracting(Rows.Event::kind, Rows.Event::address, Rows.Event::country, Rows.Event::asn, Rows.Event::flags)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("player_joined", "198.51.100.7", "DE", 3320L, "residential"),
                        org.assertj.core.groups.Tuple.tuple("player_left", "198.51.100.7", "DE", 3320L, "residential"));
        assertThat(b.events().getFirst().detailJson()).isEqualTo("{\"players_now\":1,\"packets_in\":40,\"packets_out\":50}");
        assertThat(b.sessions()).hasSize(2);
        assertThat(b.sessions().getLast()).isEqualTo(new Rows.Session("", "arena", "198.51.100.7", NS / 1_000_000,
                NS / 1_000_000 + 9000, NS / 1_000_000 + 10_000, 400, 500, 40_000, 50_000, "DE", 3320, "residential", null));
    }

    @Test
    void attacksBecomeEventIncidentSourcesAndPorts() {
        var inc = new Incident("service:arena:1800000000", ScopeKind.SERVICE, "arena", "arena", AttackKind.REFLECTION_MEMCACHED,
                "udp/11211 from 40 sources", Severity.HIGH, NS, NS + 60_000_000_000L, 0, 0, 90_000, 720_000_000, 5_000_000,
                500_000_000, 40, true, false, List.of(new SourceCount(attacker, 4000, 400_000)),
                List.of(new PortCount(11211, 4000)), List.of());
        var out = Rows.Batch.builder();
        rows.add(new Event.AttackEnded(NS + 60_000_000_000L, "arena", inc), out);
        rows.add(new Event.ServiceDiscovered(NS, "10.0.0.1-udp-27960", new ServiceKey(Ip.parse("10.0.0.1"), 17, 27960), 3), out);
        rows.add(new Event.ExternalAlert(NS, "arena", "HighLoad", "firing", "warning", Map.of("a", "b"), Map.of()), out);
        Rows.Batch b = out.build();
        assertThat(b.events()).extracting(Rows.Event::kind).containsExactly("attack_ended", "service_discovered", "external_alert");
        assertThat(b.events().getFirst().incidentId()).isEqualTo(inc.id());
        assertThat(b.events().getFirst().detailJson()).contains("\"reason\":\"udp/11211 from 40 sources\"", "\"top_sources\":[\"203.0.113.9\"]");
        Rows.Incident r = b.incidents().getFirst();
        assertThat(r.endMs()).isEqualTo(NS / 1_000_000 + 60_000);
        assertThat(r.severity()).isEqualTo("high");
        assertThat(r.topSourcesJson()).contains("\"address\":\"203.0.113.9\"", "\"packets\":4000");
        assertThat(b.incidentSources()).containsExactly(new Rows.IncidentSource("", inc.id(), "203.0.113.9", "US", 13335, 4000, 400_000));
        assertThat(b.incidentPorts()).containsExactly(new Rows.IncidentPort("", inc.id(), 11211, 4000));
        assertThat(rows.notification(5, "arena", "discord", "attack_started", "dropped").kind()).isEqualTo("notification_dropped");
    }
}
