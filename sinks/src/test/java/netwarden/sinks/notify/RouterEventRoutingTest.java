package netwarden.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;
import netwarden.model.router.Connection;
import netwarden.model.router.DeviceAnomaly;
import netwarden.model.router.DeviceIncident;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.render.NoticeView;
import netwarden.sinks.notify.render.NoticeViews;
import netwarden.sinks.notify.channel.Notice;
import netwarden.wire.AddressFormat;
import org.junit.jupiter.api.Test;

/** Routes match anomaly codes by their event kind; the router's records go only where a route names them. */
class RouterEventRoutingTest {
    static final Ip PC = Ip.parse("192.168.1.30"), REMOTE = Ip.parse("203.0.113.10");
    static final DeviceIncident INCIDENT = new DeviceIncident("device:192.168.1.30:1800000000", PC, 1_800_000_000_000_000_000L, 0,
            1_800_000_000_000_000_000L, 60, List.of("PORT_SCAN_LIKE"), 1, 0, "20 distinct ports to 203.0.113.10 within a minute");

    static Event scan() {
        return new Event.Anomaly(1_800_000_000_000_000_000L, Event.ROUTER,
                new DeviceAnomaly(PC, AnomalyCode.PORT_SCAN_LIKE, "20 distinct ports to 203.0.113.10 within a minute", REMOTE, 25), INCIDENT);
    }

    static Event connection() {
        return new Event.RouterConnection(1_800_000_000_000_000_000L, Event.ROUTER,
                new Connection(PC, REMOTE, 6, 443, 10, 1200, 8, 9000, "example.org", 0, 0));
    }

    static RouteRule route(String name, Set<String> kinds) {
        return new RouteRule(name, kinds, Set.of(), null, List.of(), null, false);
    }

    @Test
    void aRouteNamingAnAnomalyCodeGetsItsHitsAndTheCatchAllNoRouterRecords() {
        var routing = new Routing(List.of(route("scans", Set.of("anomaly_port_scan_like")), route("rest", Set.of())), List.of("ops"));
        assertThat(routing.match(scan())).extracting(m -> m.rule().name()).containsExactly("scans");
        assertThat(routing.match(connection())).as("a route without kinds never sends router records").isEmpty();
        var records = new Routing(List.of(route("connections", Set.of("router_connection"))), List.of("ops"));
        assertThat(records.match(connection())).hasSize(1);
        assertThat(scan().kind()).isEqualTo(AnomalyCode.PORT_SCAN_LIKE.eventKind());
    }

    @Test
    void anUnknownAnomalyKindIsAConfigError() {
        assertThatThrownBy(() -> route("typo", Set.of("anomaly_port_scan"))).hasMessageContaining("unknown event kind 'anomaly_port_scan'");
    }

    @Test
    void theNoticeNamesTheDeviceCodeEvidenceAndIncident() {
        NoticeView v = new NoticeViews(AddressFormat.fullAddresses(), false).view(new Notice.EventNotice(scan(), null, null, List.of()));
        assertThat(v.title()).isEqualTo("🔎 PORT_SCAN_LIKE from 192.168.1.30");
        assertThat(v.description()).isEqualTo("20 distinct ports to 203.0.113.10 within a minute");
        assertThat(v.fields()).extracting(NoticeView.Field::value).contains("60", "203.0.113.10:25",
                "device:192.168.1.30:1800000000 (1 hits: PORT_SCAN_LIKE)");
    }
}
