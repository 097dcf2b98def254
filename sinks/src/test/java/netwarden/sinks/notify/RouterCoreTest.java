package netwarden.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.Severity;
import netwarden.model.SourceCount;
import netwarden.enrich.AsnCsv;
import netwarden.enrich.AsnKinds;
import netwarden.enrich.Enricher;
import netwarden.enrich.GeoMetrics;
import netwarden.enrich.SeenAddresses;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.config.DigestConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EventKinds;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.config.WebhookUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterCoreTest {
    private static final long S = 1_000_000_000L;
    private static final DigestConfig NO_DIGEST = new DigestConfig(false, Duration.ofMinutes(1), 10, Set.of());

    @TempDir
    Path dir;

    private record Sent(String channel, Notice notice) {}

    private final List<Sent> sent = new ArrayList<>();
    private final NotifyMetrics metrics = new NotifyMetrics();

    private static DiscordConfig discord(String name) {
        return DiscordConfig.of(name, WebhookUrl.parse("url", "https://discord.example/api/webhooks/1/" + name));
    }

    private RouterCore core(NotifyConfig config, Enricher enricher, SeenAddresses seen, GeoMetrics geo, EngineSnapshot snap) {
        NoticeFactory f = new NoticeFactory(config, enricher, seen, geo, () -> snap);
        return new RouterCore(config, config.channels().stream().map(c -> c.name()).toList(), f, metrics, (c, n) -> sent.add(new Sent(c, n)));
    }

    private List<String> sentAs(String channel) {
        return sent.stream().filter(s -> s.channel.equals(channel)).map(s -> s.notice.kind() + "@" + service(s.notice)).toList();
    }

    private static String service(Notice n) {
        return n instanceof Notice.EventNotice e ? e.event().service() : "-";
    }

    @Test
    void defaultRoutesSendEverythingEverywhereAndHoldAttackUpdatesForFiveMinutes() {
        NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("a"), discord("b"))).withDigest(NO_DIGEST);
        RouterCore core = core(config, Enricher.none(), null, null, EngineSnapshot.EMPTY);
        long t = NotifyFixtures.T0;
        core.process(NotifyFixtures.joined("q3", "203.0.113.1", t), t);
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, t), t);
        Event.AttackUpdated update = new Event.AttackUpdated(t, "q3", NotifyFixtures.attack("q3", Severity.HIGH, t).incident());
        core.process(update, t + S);
        core.process(update, t + 60 * S);          // within 5 min: held
        core.process(new Event.AttackUpdated(t, "mc", update.incident()), t + 61 * S); // another service: its own cooldown
        core.process(update, t + 302 * S);         // after 5 min: sent
        assertThat(sentAs("a")).containsExactly("player_joined@q3", "attack_started@q3", "attack_updated@q3", "attack_updated@mc", "attack_updated@q3");
        assertThat(sentAs("b")).isEqualTo(sentAs("a"));
        assertThat(metrics.suppressedCooldownCount()).isEqualTo(1);
        // One notice object per event, shared by all channels.
        assertThat(sent.get(0).notice).isSameAs(sent.get(1).notice);
    }

    @Test
    void firstMatchDecidesUnlessARuleContinues() {
        List<RouteRule> routes = List.of(
                new RouteRule("severe-to-mail", Set.of(), Set.of(), Severity.HIGH, List.of("mail"), null, true),
                new RouteRule("attacks", Set.of(EventKinds.ATTACK_STARTED, EventKinds.ATTACK_ENDED), Set.of(), null, List.of("alerts"), null, false),
                new RouteRule("q3-players", Set.of(EventKinds.PLAYER_JOINED, EventKinds.PLAYER_LEFT), Set.of("q3"), null, List.of("players"), null, false),
                new RouteRule("catch-all", Set.of(), Set.of(), null, List.of("alerts"), null, false));
        NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("mail"), discord("alerts"), discord("players")))
                .withRoutes(routes).withDigest(NO_DIGEST);
        RouterCore core = core(config, Enricher.none(), null, null, EngineSnapshot.EMPTY);
        long t = NotifyFixtures.T0;
        core.process(NotifyFixtures.attack("q3", Severity.CRITICAL, t), t);   // mail (continues) + alerts
        core.process(NotifyFixtures.attack("q3", Severity.LOW, t), t);        // alerts only
        core.process(NotifyFixtures.joined("q3", "203.0.113.1", t), t);       // players
        core.process(NotifyFixtures.joined("mc", "203.0.113.1", t), t);       // catch-all
        core.process(NotifyFixtures.alert("HostDown", "critical", t, 0, 1), t); // mail + catch-all
        assertThat(sentAs("mail")).containsExactly("attack_started@q3", "external_alert@HostDown");
        assertThat(sentAs("alerts")).containsExactly("attack_started@q3", "attack_started@q3", "player_joined@mc", "external_alert@HostDown");
        assertThat(sentAs("players")).containsExactly("player_joined@q3");
    }

    @Test
    void aStormBecomesOneDigestAtTheEndOfTheWindow() {
        NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("a")))
                .withDigest(new DigestConfig(true, Duration.ofMinutes(1), 3, Set.of(EventKinds.PLAYER_JOINED, EventKinds.PLAYER_LEFT)));
        RouterCore core = core(config, Enricher.none(), null, null, EngineSnapshot.EMPTY);
        long t = NotifyFixtures.T0;
        for (int i = 0; i < 12; i++) core.process(NotifyFixtures.joined("q3", "203.0.113." + (i + 1), t + i * S), t + i * S);
        core.process(NotifyFixtures.left("mc", "203.0.113.99", t + 20 * S), t + 20 * S);
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, t + 21 * S), t + 21 * S); // never folded
        assertThat(sentAs("a")).containsExactly("player_joined@q3", "player_joined@q3", "player_joined@q3", "attack_started@q3");
        core.tick(t + 59 * S);
        assertThat(sent).hasSize(4);
        assertThat(core.nextDeadline()).isEqualTo(t + 60 * S);
        core.tick(t + 60 * S);
        Notice.DigestNotice d = (Notice.DigestNotice) sent.get(4).notice;
        assertThat(d.lines()).containsExactly(new Notice.DigestLine("player_joined", "q3", 9), new Notice.DigestLine("player_left", "mc", 1));
        assertThat(d.total()).isEqualTo(10);
        assertThat(d.tsNanos()).isEqualTo(t + 60 * S);
        assertThat(metrics.suppressedDigestCount()).isEqualTo(10);
        core.process(NotifyFixtures.joined("q3", "203.0.113.50", t + 70 * S), t + 70 * S); // a new window
        assertThat(sent).hasSize(6);
        core.flush();
        assertThat(sent).hasSize(6); // nothing held in the new window
    }

    @Test
    void quietHoursAndMaintenanceSilenceTheirRouteOnlyAndAreCounted() throws Exception {
        var quiet = new RouteRule("pager", Set.of(), Set.of(), null, List.of("pager"), Duration.ZERO, true,
                List.of(netwarden.sinks.notify.config.QuietWindow.parse("q", "22:00-07:00")));
        var chat = new RouteRule("chat", Set.of(), Set.of(), null, List.of("chat"), Duration.ZERO, false);
        NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("pager"), discord("chat"))).withRoutes(List.of(quiet, chat))
                .withDigest(NO_DIGEST);
        var maintenance = new Maintenance();
        NoticeFactory f = new NoticeFactory(config, Enricher.none(), null, null, () -> EngineSnapshot.EMPTY);
        RouterCore core = new RouterCore(config, List.of("pager", "chat"), f, metrics, (c, n) -> sent.add(new Sent(c, n)), maintenance);
        long night = java.time.Instant.parse("2026-12-08T23:00:00Z").getEpochSecond() * S, day = night + 12 * 3600 * S;
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, night), night);
        assertThat(sentAs("pager")).isEmpty();
        assertThat(sentAs("chat")).containsExactly("attack_started@q3");
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, day), day);
        assertThat(sentAs("pager")).containsExactly("attack_started@q3");
        maintenance.add(null, netwarden.sinks.notify.config.QuietWindow.between(java.time.Instant.ofEpochSecond(day / S),
                java.time.Instant.ofEpochSecond(day / S + 1800)), "load test");
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, day + 60 * S), day + 60 * S);
        assertThat(sent).hasSize(3);
        assertThat(metrics.suppressedQuietCount()).isEqualTo(3);
    }

    @Test
    void anEscalationOrACorrectionIsSentAtOncePastTheDigestAndTheCooldown() {
        NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("a")))
                .withDigest(new DigestConfig(true, Duration.ofMinutes(1), 1, Set.of(EventKinds.ATTACK_UPDATED)));
        RouterCore core = core(config, Enricher.none(), null, null, EngineSnapshot.EMPTY);
        long t = NotifyFixtures.T0;
        core.process(NotifyFixtures.attack("q3", Severity.HIGH, t), t);
        var plain = NotifyFixtures.incident("q3", Severity.HIGH, "udp flood", List.of(), true);
        core.process(new Event.AttackUpdated(t + S, "q3", plain), t + S); // held: digest (and the route cooldown)
        var escalated = NotifyFixtures.incident("q3", Severity.CRITICAL, "udp flood; escalated to critical", List.of(), true);
        core.process(new Event.AttackUpdated(t + 2 * S, "q3", escalated), t + 2 * S);
        var corrected = NotifyFixtures.incident("q3", Severity.CRITICAL, "udp flood; corrected: 198.51.100.50 became a player", List.of(), false);
        core.process(new Event.AttackUpdated(t + 3 * S, "q3", corrected), t + 3 * S);
        assertThat(sentAs("a")).containsExactly("attack_started@q3", "attack_updated@q3", "attack_updated@q3");
        assertThat(((Notice.EventNotice) sent.get(1).notice).event()).isInstanceOfSatisfying(Event.AttackUpdated.class,
                u -> assertThat(u.incident().severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void joinsAreEnrichedMarkedReturningAndCountedAndAttackSourcesNeverShowPlayers() throws Exception {
        Path csv = dir.resolve("asn.csv");
        java.nio.file.Files.writeString(csv, "1.1.1.0,1.1.1.255,13335,\"Cloudflare, Inc.\"\n45.33.0.0,45.33.255.255,64500,Flooders\n");
        try (Enricher enricher = new Enricher(ip -> ip.toString().startsWith("1.1.1.") ? "AU" : null, AsnCsv.read(List.of(csv)),
                AsnKinds.builtIn(), 1024, 16);
             SeenAddresses seen = SeenAddresses.open(dir.resolve("seen"), 1000)) {
            PrometheusRegistry registry = new PrometheusRegistry();
            ServiceSnapshot q3 = new ServiceSnapshot("q3", "Quake III", new ServiceKey(Ip.parse("192.0.2.1"), Proto.UDP, 27960),
                    "connect q3.example.org:27960; password hunter2", false, 0, 0, 0, 0, 0, 0, 1, 1, List.of());
            EngineSnapshot snap = new EngineSnapshot(NotifyFixtures.T0, List.of(q3),
                    List.of(NotifyFixtures.player("q3", "1.1.1.1", NotifyFixtures.T0, 0)), EngineCounters.ZERO);
            GeoMetrics geo = GeoMetrics.register(registry, () -> snap, enricher);
            NotifyConfig config = NotifyConfig.defaults().withChannels(List.of(discord("a"))).withDigest(NO_DIGEST)
                    .withMaxPlayers(Map.of("q3", 16));
            RouterCore core = core(config, enricher, seen, geo, snap);
            long t = NotifyFixtures.T0;
            core.process(NotifyFixtures.joined("q3", "1.1.1.1", t), t);
            core.process(NotifyFixtures.joined("q3", "1.1.1.1", t + S), t + S);
            var incident = NotifyFixtures.incident("q3", Severity.HIGH, "flood", List.of(new SourceCount(Ip.parse("1.1.1.1"), 10, 10),
                    new SourceCount(Ip.parse("45.33.0.7"), 1000, 1000)), true);
            core.process(new Event.AttackStarted(t, "q3", incident), t + 2 * S);

            Notice.EventNotice first = (Notice.EventNotice) sent.get(0).notice, second = (Notice.EventNotice) sent.get(1).notice;
            assertThat(first.player().returning()).isFalse();
            assertThat(second.player().returning()).isTrue();
            assertThat(first.player().enrichment().country()).isEqualTo("AU");
            assertThat(first.player().enrichment().asn()).isEqualTo(13335);
            assertThat(first.serviceInfo()).isEqualTo(new Notice.ServiceInfo("q3", "Quake III", "connect q3.example.org:27960", 16));
            Notice.EventNotice attack = (Notice.EventNotice) sent.get(2).notice;
            assertThat(attack.sources()).extracting(s -> s.address().toString()).containsExactly("45.33.0.7");
            assertThat(attack.sources().getFirst().enrichment().asn()).isEqualTo(64500);
            String text = new String(new netwarden.sinks.metrics.MetricsExposition(registry).scrape(null).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("netwarden_player_vpn_joins_total{network=\"hosting\"} 2.0");
        }
    }

    @Test
    void joinsRoutedNowhereStillCountAndRemember() throws Exception {
        try (SeenAddresses seen = SeenAddresses.open(dir.resolve("seen"), 10)) {
            NotifyConfig config = NotifyConfig.defaults().withDigest(NO_DIGEST); // no channels at all
            RouterCore core = core(config, Enricher.none(), seen, null, null);
            core.process(NotifyFixtures.joined("q3", "203.0.113.1", NotifyFixtures.T0), NotifyFixtures.T0);
            assertThat(seen.size()).isEqualTo(1);
            assertThat(sent).isEmpty();
        }
    }
}
