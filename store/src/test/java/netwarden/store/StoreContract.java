package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every {@link Store} passes (Zipkin's ITStorage shape): subclasses give a fresh, empty
 * database per test through {@link #open(int)}; every call opens the same database again.
 */
abstract class StoreContract {
    static final long T0 = 1_800_000_000_000L; // ms, a round minute
    final List<Store> opened = new ArrayList<>();

    /** Opens (inert) the test's database, migrating up to {@code version} on start. */
    abstract Store open(int version);

    /** Whether {@link Store#compact} rewrites rows in this database (else it only records the range). */
    abstract boolean rewritesOnCompact();

    Store started() {
        Store s = open(Migrations.LATEST);
        opened.add(s);
        s.start();
        return s;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Store::close);
    }

    static Rows.Event event(long ts, String kind, String service) {
        return new Rows.Event("", ts, kind, service, null, null, 0, null, null, "{}");
    }

    static Rows.Session session(String service, String address, long first, long last, long left, String country,
                                long asn, String name) {
        return new Rows.Session("", service, address, first, last, left, 10, 20, 1000, 2000, country, asn, null, name);
    }

    static Rows.Incident incident(String id, String service, long start, long end, long peak) {
        return new Rows.Incident("", id, "service", service, service, "udp_flood", "high", "flood of " + peak,
                start, end, end == 0 ? start : end, peak, peak * 800, peak * 10, peak * 1000, 50, true, false,
                "[]", "[]", null, 0, null);
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersionAndStartsAgainWithoutChange() {
        Store s = started();
        assertThat(s.schemaVersion()).isEqualTo(Migrations.LATEST);
        s.close();
        Store again = started();
        assertThat(again.schemaVersion()).isEqualTo(Migrations.LATEST);
        assertThat(again.count(Table.EVENTS)).isZero();
    }

    @Test
    void migratesFromThePreviousVersionKeepingItsRows() {
        Store v1 = open(Migrations.LATEST - 1);
        v1.start();
        assertThat(v1.schemaVersion()).isEqualTo(Migrations.atOrBelow(Migrations.LATEST - 1));
        v1.write(Rows.Batch.builder().event(event(T0, "player_joined", "arena"))
                .session(session("arena", "198.51.100.7", T0, T0 + 5000, 0, "DE", 3320, "Sarge")).build());
        v1.close();
        Store v2 = started();
        assertThat(v2.schemaVersion()).isEqualTo(Migrations.LATEST);
        assertThat(v2.count(Table.EVENTS)).isEqualTo(1);
        assertThat(v2.count(Table.SESSIONS)).isEqualTo(1);
        assertThat(v2.count(Table.SOURCE_MINUTES)).isZero();
        assertThat(v2.compact(0, 60)).isZero(); // the newest version's table is there and empty
    }

    @Test
    void eventsFilterByKindServiceAndTimeNewestFirstWithLimit() {
        Store s = started();
        var b = Rows.Batch.builder();
        for (int i = 0; i < 10; i++) b.event(event(T0 + i * 1000, i % 2 == 0 ? "player_joined" : "player_left", i < 5 ? "arena" : "blocks"));
        b.event(new Rows.Event("", T0 + 20_000, "attack_started", "arena", "203.0.113.9", "US", 13335, "spoofed",
                "service:arena:1", "{\"pps\":90000}"));
        s.write(b.build());

        var all = s.events(new Queries.Events(null, null, T0, T0 + 60_000, 100));
        assertThat(all).hasSize(11);
        assertThat(all.getFirst().kind()).isEqualTo("attack_started");
        assertThat(all.getFirst()).isEqualTo(new Rows.Event("", T0 + 20_000, "attack_started", "arena", "203.0.113.9",
                "US", 13335, "spoofed", "service:arena:1", "{\"pps\":90000}"));
        assertThat(s.events(new Queries.Events("player_joined", "arena", T0, T0 + 60_000, 100)))
                .extracting(Rows.Event::tsMs).containsExactly(T0 + 4000, T0 + 2000, T0);
        assertThat(s.events(new Queries.Events(null, "blocks", T0 + 6000, T0 + 8000, 100)))
                .extracting(Rows.Event::tsMs).containsExactly(T0 + 7000, T0 + 6000);
        assertThat(s.events(new Queries.Events(null, null, T0, T0 + 60_000, 3))).hasSize(3);
    }

    @Test
    void historyAggregatesRollupsIntoChartSteps() {
        Store s = started();
        long t = T0 / 1000;
        var b = Rows.Batch.builder();
        for (int i = 0; i < 120; i++)
            b.rollup(Step.SECOND, new Rows.Rollup("", "arena", t + i, 100 + i, 1000 * (100 + i), 100 + i, 8000 * (100 + i), i, 3));
        b.rollup(Step.SECOND, new Rows.Rollup("", "blocks", t, 5, 5, 5, 40, 1, 0));
        b.rollup(Step.MINUTE, new Rows.Rollup("", "arena", t, 6000, 600_000, 200, 16_000, 9, 4));
        b.rollup(Step.MINUTE, new Rows.Rollup("", "arena", t + 60, 1200, 120_000, 50, 4000, 2, 1));
        b.rollup(Step.HOUR, new Rows.Rollup("", "arena", t - t % 3600, 7200, 720_000, 200, 16_000, 9, 4));
        s.write(b.build());

        var seconds = s.history(new Queries.History("arena", T0, T0 + 10_000, 1));
        assertThat(seconds).hasSize(10);
        assertThat(seconds.get(3)).isEqualTo(new Results.Point(t + 3, 103, 103_000, 103.0, 824_000.0, 103, 824_000, 3, 3));

        var tens = s.history(new Queries.History("arena", T0, T0 + 30_000, 10));
        assertThat(tens).hasSize(3);
        long sum = 0;
        for (int i = 10; i < 20; i++) sum += 100 + i;
        assertThat(tens.get(1).packets()).isEqualTo(sum);
        assertThat(tens.get(1).meanPps()).isEqualTo(sum / 10.0);
        assertThat(tens.get(1).peakPps()).isEqualTo(119);
        assertThat(tens.get(1).sources()).isEqualTo(19);

        var minutes = s.history(new Queries.History("arena", T0, T0 + 120_000, 60));
        assertThat(minutes).extracting(Results.Point::packets).containsExactly(6000L, 1200L);
        assertThat(minutes.getFirst().meanPps()).isEqualTo(100.0);
        var twoMinutes = s.history(new Queries.History("arena", T0, T0 + 120_000, 120));
        assertThat(twoMinutes).singleElement().satisfies(p -> {
            assertThat(p.packets()).isEqualTo(7200);
            assertThat(p.peakPps()).isEqualTo(200);
            assertThat(p.players()).isEqualTo(4);
        });
        var hours = s.history(new Queries.History("arena", (t - t % 3600) * 1000, (t - t % 3600 + 3600) * 1000, 3600));
        assertThat(hours).singleElement().extracting(Results.Point::packets).isEqualTo(7200L);
        assertThat(s.history(new Queries.History("nothing", T0, T0 + 60_000, 1))).isEmpty();
    }

    @Test
    void sessionsAreReplacedByKeyAndFilterByEveryField() {
        Store s = started();
        s.write(Rows.Batch.builder()
                .session(session("arena", "198.51.100.7", T0, T0 + 1000, 0, "DE", 3320, null))
                .session(session("arena", "198.51.100.200", T0, T0 + 1000, 0, "FR", 3215, "Visor"))
                .session(session("blocks", "2001:db8::7", T0 + 5000, T0 + 9000, 0, "DE", 3320, "Major"))
                .session(session("arena", "203.0.113.1", T0 - 100_000, T0 - 90_000, T0 - 90_000, "US", 7922, "Old")).build());
        // the same stay again: left, with a name now
        s.write(Rows.Batch.builder().session(new Rows.Session("", "arena", "198.51.100.7", T0, T0 + 60_000, T0 + 61_000,
                500, 600, 50_000, 60_000, "DE", 3320, "vpn", "Sarge")).build());

        var now = new Queries.Sessions(null, null, null, null, 0, T0, T0 + 120_000, 100);
        var found = s.sessions(now);
        assertThat(found).hasSize(3);
        assertThat(found.getFirst()).isEqualTo(new Rows.Session("", "arena", "198.51.100.7", T0, T0 + 60_000, T0 + 61_000,
                500, 600, 50_000, 60_000, "DE", 3320, "vpn", "Sarge"));
        assertThat(s.count(Table.SESSIONS)).isEqualTo(4);

        assertThat(names(s, new Queries.Sessions("arena", null, null, null, 0, T0, T0 + 120_000, 100))).containsExactlyInAnyOrder("Sarge", "Visor");
        assertThat(names(s, new Queries.Sessions(null, "198.51.100.7", null, null, 0, T0, T0 + 120_000, 100))).containsExactly("Sarge");
        assertThat(names(s, new Queries.Sessions(null, "198.51.100.0/24", null, null, 0, T0, T0 + 120_000, 100))).containsExactlyInAnyOrder("Sarge", "Visor");
        assertThat(names(s, new Queries.Sessions(null, "198.51.100.128/25", null, null, 0, T0, T0 + 120_000, 100))).containsExactly("Visor");
        assertThat(names(s, new Queries.Sessions(null, "2001:db8::/32", null, null, 0, T0, T0 + 120_000, 100))).containsExactly("Major");
        assertThat(names(s, new Queries.Sessions(null, null, "AJ", null, 0, T0, T0 + 120_000, 100))).containsExactly("Major");
        assertThat(names(s, new Queries.Sessions(null, null, "%", null, 0, T0, T0 + 120_000, 100))).isEmpty();
        assertThat(names(s, new Queries.Sessions(null, null, null, "DE", 0, T0, T0 + 120_000, 100))).containsExactlyInAnyOrder("Sarge", "Major");
        assertThat(names(s, new Queries.Sessions(null, null, null, null, 3215, T0, T0 + 120_000, 100))).containsExactly("Visor");
        assertThat(names(s, new Queries.Sessions(null, null, null, null, 0, T0 - 200_000, T0 - 1, 100))).containsExactly("Old");
        assertThatThrownBy(() -> new Queries.Sessions(null, "198.51.100.0/33", null, null, 0, T0, T0 + 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..32");
    }

    static List<String> names(Store s, Queries.Sessions q) {
        return s.sessions(q).stream().map(Rows.Session::name).toList();
    }

    @Test
    void incidentsKeepTheirLifecycleAcknowledgementNotesAndSample() {
        Store s = started();
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, 0, 1000))
                .incident(incident("service:blocks:2", "blocks", T0 + 1000, T0 + 9000, 500)).build());
        assertThat(s.incidents(new Queries.Incidents("active", null, null, null, T0, T0 + 60_000, 10)))
                .extracting(Rows.Incident::id).containsExactly("service:arena:1");

        assertThat(s.acknowledge("", "service:arena:1", "ops", "looking at it", T0 + 2000)).isTrue();
        assertThat(s.acknowledge("", "service:arena:1", "lead", "  upstream filter on  ", T0 + 3000)).isTrue();
        assertThat(s.acknowledge("", "nope", "ops", "x", T0)).isFalse();
        assertThat(s.acknowledge("other-agent", "service:arena:1", "ops", "x", T0)).isFalse();
        // escalation, then end: numbers replaced, acknowledgement kept
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, 0, 5000)).build());
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, T0 + 30_000, 5000)).build());
        assertThat(s.setSamplePcap("", "service:arena:1", "/var/lib/netwarden/incidents/a.pcap")).isTrue();
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, T0 + 30_000, 5000)).build());

        Rows.Incident got = s.incident("", "service:arena:1").orElseThrow();
        assertThat(got.endMs()).isEqualTo(T0 + 30_000);
        assertThat(got.peakPps()).isEqualTo(5000);
        assertThat(got.ackedMs()).isEqualTo(T0 + 2000);
        assertThat(got.ackedBy()).isEqualTo("ops");
        assertThat(got.samplePcap()).isEqualTo("/var/lib/netwarden/incidents/a.pcap");
        assertThat(s.notes("", "service:arena:1")).extracting(Rows.Note::note, Rows.Note::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("looking at it", "ops"),
                        org.assertj.core.groups.Tuple.tuple("upstream filter on", "lead"));

        assertThat(s.incidents(new Queries.Incidents("active", null, null, null, T0, T0 + 60_000, 10))).isEmpty();
        assertThat(s.incidents(new Queries.Incidents("unacknowledged", null, null, null, T0, T0 + 60_000, 10)))
                .extracting(Rows.Incident::id).containsExactly("service:blocks:2");
        assertThat(s.incidents(new Queries.Incidents(null, "udp_flood", "blocks", "high", T0, T0 + 60_000, 10))).hasSize(1);
        assertThat(s.incidents(new Queries.Incidents(null, null, null, null, T0 + 10_000, T0 + 60_000, 10)))
                .extracting(Rows.Incident::id).containsExactly("service:arena:1");
        assertThat(s.incident("", "nope")).isEmpty();
    }

    @Test
    void searchFindsAddressesPrefixesAsnsCountriesPortsServicesAndNames() {
        Store s = started();
        long m = T0 / 1000;
        s.write(Rows.Batch.builder()
                .session(session("10.0.0.1-udp-27960", "198.51.100.7", T0, T0 + 60_000, 0, "DE", 3320, "Sarge"))
                .sourceMinute(new Rows.SourceMinute("", "10.0.0.1-udp-27960", m, "198.51.100.7", "DE", 3320, 100, 9000, 1))
                .sourceMinute(new Rows.SourceMinute("", "10.0.0.1-udp-27960", m + 60, "198.51.100.7", "DE", 3320, 50, 4000, 1))
                .sourceMinute(new Rows.SourceMinute("", "10.0.0.1-udp-27960", m, "203.0.113.9", "US", 13335, 90_000, 9_000_000, 1))
                .sourceMinute(new Rows.SourceMinute("", "10.0.0.1-udp-27960", m, Rows.SourceMinute.OTHERS, null, 0, 7, 700, 3))
                .incident(incident("service:arena:1", "10.0.0.1-udp-27960", T0, T0 + 60_000, 90_000))
                .incidentSource(new Rows.IncidentSource("", "service:arena:1", "203.0.113.9", "US", 13335, 90_000, 9_000_000))
                .incidentPort(new Rows.IncidentPort("", "service:arena:1", 11211, 90_000)).build());
        long from = T0 - 60_000, to = T0 + 300_000;

        var byAddress = s.search(SearchTerm.parse("198.51.100.7"), from, to, 10);
        assertThat(byAddress.sessions()).extracting(Rows.Session::name).containsExactly("Sarge");
        assertThat(byAddress.sources()).singleElement().isEqualTo(new Results.SourceSummary("10.0.0.1-udp-27960",
                "198.51.100.7", "DE", 3320, m, m + 60, 2, 150, 13_000));
        assertThat(byAddress.incidents()).isEmpty();

        var byPrefix = s.search(SearchTerm.parse("203.0.113.0/24"), from, to, 10);
        assertThat(byPrefix.sessions()).isEmpty();
        assertThat(byPrefix.sources()).extracting(Results.SourceSummary::address).containsExactly("203.0.113.9");
        assertThat(byPrefix.incidents()).extracting(Rows.Incident::id).containsExactly("service:arena:1");

        var byAsn = s.search(SearchTerm.parse("AS13335"), from, to, 10);
        assertThat(byAsn.sources()).extracting(Results.SourceSummary::packets).containsExactly(90_000L);
        assertThat(byAsn.incidents()).hasSize(1);
        var byCountry = s.search(SearchTerm.parse("country:de"), from, to, 10);
        assertThat(byCountry.sessions()).hasSize(1);
        assertThat(byCountry.incidents()).isEmpty();
        var byPort = s.search(SearchTerm.parse("11211"), from, to, 10);
        assertThat(byPort.incidents()).hasSize(1);
        assertThat(byPort.sessions()).isEmpty();
        var byServicePort = s.search(SearchTerm.parse("port:27960"), from, to, 10);
        assertThat(byServicePort.sessions()).hasSize(1);
        assertThat(byServicePort.sources()).hasSize(3);
        var byService = s.search(SearchTerm.parse("service:10.0.0.1-udp-27960"), from, to, 10);
        assertThat(byService.sources().getFirst().address()).isEqualTo("203.0.113.9");
        assertThat(byService.incidents()).hasSize(1);
        var byName = s.search(SearchTerm.parse("sarg"), from, to, 10);
        assertThat(byName.sessions()).hasSize(1);
        assertThat(s.search(SearchTerm.parse("198.51.100.7"), T0 + 400_000, T0 + 500_000, 10).sources()).isEmpty();
    }

    @Test
    void purgeDeletesOldRowsButKeepsActiveIncidentsAndOpenSessions() {
        Store s = started();
        long t = T0 / 1000;
        s.write(Rows.Batch.builder()
                .event(event(T0 - 10_000, "player_joined", "arena")).event(event(T0 + 10_000, "player_left", "arena"))
                .rollup(Step.SECOND, new Rows.Rollup("", "arena", t - 10, 1, 1, 1, 8, 1, 0))
                .rollup(Step.SECOND, new Rows.Rollup("", "arena", t + 10, 1, 1, 1, 8, 1, 0))
                .session(session("arena", "198.51.100.7", T0 - 50_000, T0 - 20_000, T0 - 20_000, null, 0, null))
                .session(session("arena", "198.51.100.8", T0 - 50_000, T0 - 20_000, 0, null, 0, null))
                .incident(incident("old-ended", "arena", T0 - 50_000, T0 - 40_000, 10))
                .incident(incident("old-active", "arena", T0 - 50_000, 0, 10))
                .incidentSource(new Rows.IncidentSource("", "old-ended", "203.0.113.9", null, 0, 1, 1))
                .incidentSource(new Rows.IncidentSource("", "old-active", "203.0.113.9", null, 0, 1, 1)).build());
        s.acknowledge("", "old-ended", "ops", "gone", T0);

        assertThat(s.purge(Table.EVENTS, t)).isEqualTo(1);
        assertThat(s.purge(Table.ROLLUP_1S, t)).isEqualTo(1);
        assertThat(s.purge(Table.SESSIONS, t)).isEqualTo(1);
        assertThat(s.purge(Table.INCIDENTS, t)).isEqualTo(1);
        assertThat(s.count(Table.EVENTS)).isEqualTo(1);
        assertThat(s.count(Table.ROLLUP_1S)).isEqualTo(1);
        assertThat(s.count(Table.SESSIONS)).isEqualTo(1);
        assertThat(s.incident("", "old-active")).isPresent();
        assertThat(s.incidentSources("", "old-active")).hasSize(1);
        assertThat(s.incidentSources("", "old-ended")).isEmpty();
        assertThat(s.notes("", "old-ended")).isEmpty();
        assertThatThrownBy(() -> s.purge(Table.INCIDENT_NOTES, t)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactingARangeKeepsEveryRowAndIsDoneOnce() {
        Store s = started();
        long day = T0 / 1000 - Math.floorMod(T0 / 1000, 86_400);
        var b = Rows.Batch.builder();
        var r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 3000; i++) {
            int a = r.nextInt(100);
            b.sourceMinute(new Rows.SourceMinute("", "svc" + i % 3, day + 60L * r.nextInt(1440), "198.51.100." + a, "DE",
                    64_500 + a, 1, 10, 1));
        }
        b.sourceMinute(new Rows.SourceMinute("", "svc0", day + 86_400, "198.51.100.1", null, 0, 5, 5, 1)); // the next day
        for (int i = 0; i < 100; i++) b.rollup(Step.MINUTE, new Rows.Rollup("", "svc" + i % 3, day + 60L * (i / 3), i, i, i, i, 1, 1));
        s.write(b.build());
        var chart = s.history(new Queries.History("svc1", day * 1000, (day + 86_400) * 1000, 60));
        var before = s.search(SearchTerm.parse("198.51.100.0/25"), day * 1000, (day + 2 * 86_400) * 1000, 1000).sources();
        long rewritten = s.compact(day, day + 86_400);
        assertThat(rewritten).isEqualTo(rewritesOnCompact() ? 3100 : 0);
        assertThat(s.history(new Queries.History("svc1", day * 1000, (day + 86_400) * 1000, 60))).isEqualTo(chart);
        assertThat(s.compact(day, day + 86_400)).isEqualTo(-1);
        assertThat(s.count(Table.SOURCE_MINUTES)).isEqualTo(3001);
        assertThat(s.search(SearchTerm.parse("198.51.100.0/25"), day * 1000, (day + 2 * 86_400) * 1000, 1000).sources())
                .containsExactlyInAnyOrderElementsOf(before);
        assertThat(s.search(SearchTerm.parse("AS64501"), day * 1000, (day + 86_400) * 1000, 10).sources()).isNotEmpty();
    }

    @Test
    void aBatchIsAllOrNothing() {
        Store s = started();
        var bad = Rows.Batch.builder().event(event(T0, "player_joined", "arena"))
                .session(session("arena", "not-an-address", T0, T0, 0, null, 0, null)).build();
        assertThatThrownBy(() -> s.write(bad)).isInstanceOf(RuntimeException.class);
        assertThat(s.count(Table.EVENTS)).isZero();
        s.write(Rows.Batch.builder().event(event(T0, "player_joined", "arena")).build());
        assertThat(s.count(Table.EVENTS)).isEqualTo(1);
    }

    @Test
    void agentsKeepApartRowsWithTheSameKeys() {
        Store s = started();
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, 0, 10))
                .incident(new Rows.Incident("host-b", "service:arena:1", "service", "arena", "arena", "syn_flood", "low",
                        "r", T0, 0, T0, 1, 1, 1, 1, 1, false, false, "[]", "[]", null, 0, null)).build());
        assertThat(s.incident("host-b", "service:arena:1").orElseThrow().kind()).isEqualTo("syn_flood");
        assertThat(s.incident("", "service:arena:1").orElseThrow().kind()).isEqualTo("udp_flood");
    }

    @Test
    void whatWasWrittenIsServedAfterARestart() {
        Store s = started();
        s.write(Rows.Batch.builder().incident(incident("service:arena:1", "arena", T0, T0 + 1000, 10))
                .session(session("arena", "198.51.100.7", T0, T0, 0, null, 0, "Sarge")).build());
        s.acknowledge("", "service:arena:1", "ops", "noted", T0 + 5000);
        s.close();
        Store again = started();
        assertThat(again.incident("", "service:arena:1")).isPresent();
        assertThat(again.notes("", "service:arena:1")).extracting(Rows.Note::note).containsExactly("noted");
        assertThat(names(again, new Queries.Sessions(null, null, null, null, 0, T0, T0 + 1, 10))).containsExactly("Sarge");
    }
}
