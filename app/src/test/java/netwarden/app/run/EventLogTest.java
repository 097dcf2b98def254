package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.AttackKind;
import netwarden.model.ScopeKind;
import netwarden.model.Severity;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.wire.AddressFormat;
import netwarden.sinks.route.SinkWorker;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final PlayerSnapshot ALICE = new PlayerSnapshot("arena", Ip.parse("198.51.100.7"), 1, 2, 30, 20, 3000, 2000, 2, 0);

    @Test
    void neverBlocksTheCallerAndCountsWhatItDrops() {
        var worker = new SinkWorker<>(new EventLog(AddressFormat.masked(new byte[16])), EventLog.SINK, Clock.SYSTEM); // not started: nothing drains
        for (int i = 0; i < 5000; i++) worker.offer(new Event.PlayerJoined(i, "arena", ALICE, 1));
        assertThat(worker.dropped()).isEqualTo(5000 - 4096);
        assertThat(worker.name()).isEqualTo("event_log");
    }

    @Test
    void describesEventsWithMaskedPlayerAddresses() {
        EventLog log = new EventLog(AddressFormat.masked(new byte[16]));
        String joined = log.describe(new Event.PlayerJoined(1, "arena", ALICE, 4));
        assertThat(joined).startsWith("player joined arena: 198.51.100.x#").endsWith("(players now 4)").doesNotContain("198.51.100.7");
        assertThat(log.describe(new Event.PlayerLeft(1, "arena", ALICE, 3))).startsWith("player left arena: 198.51.100.x#");
    }

    @Test
    void describesAttacksInOneLineWithTheirNumbersAndReason() {
        EventLog log = new EventLog(AddressFormat.masked(new byte[16]));
        long start = 1_700_000_000_000_000_000L;
        Incident open = incident("service", "arena", "arena", 0, Severity.HIGH);
        assertThat(log.describe(new Event.AttackStarted(start, "arena", open)))
                .isEqualTo("attack started: udp_flood on service arena, severity high: 9000 of 9100 pps (99%) are UDP");
        assertThat(log.describe(new Event.AttackUpdated(start, "arena", open)))
                .isEqualTo("attack updated: udp_flood on service arena, severity high: now 8000 pps 64.0 Mbit/s, peak 9100 pps "
                        + "1.20 Gbit/s, 120000 packets so far, up to 3000 sources/s: 9000 of 9100 pps (99%) are UDP");
        Incident ended = incident("host", "10.0.0.1", "arena", start + 92_500_000_000L, Severity.CRITICAL);
        assertThat(log.describe(new Event.AttackEnded(start, "arena", ended)))
                .isEqualTo("attack ended: udp_flood on host 10.0.0.1 (service arena), severity critical after 1m33s: "
                        + "peak 9100 pps 1.20 Gbit/s, 120000 packets, 96000000 bytes, up to 3000 sources/s: 9000 of 9100 pps (99%) are UDP")
                .doesNotContain("\n");
    }

    private static Incident incident(String scope, String target, String service, long end, Severity severity) {
        long start = 1_700_000_000_000_000_000L;
        return new Incident(scope + ":" + target + ":1700000000", ScopeKind.valueOf(scope.toUpperCase(java.util.Locale.ROOT)), target, service, AttackKind.UDP_FLOOD, "9000 of 9100 pps (99%) are UDP",
                severity, start, end, 8000, 64_000_000, 9100, 1_200_000_000, 120_000, 96_000_000, 3000, true, true,
                List.of(), List.of(), List.of());
    }
}
