package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

class GeoMetricsTest {
    private static final long NOW = 1_800_000_010_500_000_000L; // last closed second 1800000009

    private static PlayerSnapshot player(String ip, boolean left) {
        return new PlayerSnapshot("q3", Ip.parse(ip), 1, 2, 10, 10, 100, 100, 3, left ? 4 : 0);
    }

    @Test
    void countsCurrentPlayersAndTopSourcesByCountry() throws Exception {
        CountryLookup countries = ip -> Map.of("1.1.1.1", "AU", "8.8.8.8", "US", "8.8.4.4", "US").get(ip.toString());
        try (Enricher e = new Enricher(countries, AsnTable.EMPTY, AsnKinds.builtIn(), 64, 64)) {
            for (String ip : List.of("1.1.1.1", "8.8.8.8", "8.8.4.4")) e.resolve(Ip.parse(ip));
            WindowStats current = new WindowStats(1_800_000_009L, 10, 1000, 3, false, 0, List.of(
                    new SourceCount(Ip.parse("8.8.8.8"), 5, 500), new SourceCount(Ip.parse("192.168.0.9"), 3, 300),
                    new SourceCount(Ip.parse("8.8.4.4"), 2, 200)));
            WindowStats stale = new WindowStats(1_800_000_001L, 10, 1000, 1, false, 0, List.of(new SourceCount(Ip.parse("1.1.1.1"), 1, 1)));
            ServiceSnapshot q3 = new ServiceSnapshot("q3", "q3", new ServiceKey(Ip.parse("192.0.2.1"), Proto.UDP, 27960), null, false,
                    0, 0, 0, 0, 0, 0, 3, 3, List.of(current));
            ServiceSnapshot idle = new ServiceSnapshot("mc", "mc", new ServiceKey(Ip.parse("192.0.2.1"), Proto.TCP, 25565), null, false,
                    0, 0, 0, 0, 0, 0, 0, 0, List.of(stale));
            EngineSnapshot snap = new EngineSnapshot(NOW, List.of(q3, idle), List.of(player("1.1.1.1", false),
                    player("8.8.8.8", false), player("8.8.4.4", true), player("10.0.0.5", false), player("9.9.9.9", false)),
                    EngineCounters.ZERO);

            assertThat(GeoMetrics.playersByCountry(snap, e)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("AU", 1L, "US", 1L, "private", 1L, "unknown", 1L));
            assertThat(GeoMetrics.connectionsByCountry(snap, e)).containsExactlyInAnyOrderEntriesOf(Map.of("US", 2L, "private", 1L));

            PrometheusRegistry registry = new PrometheusRegistry();
            GeoMetrics geo = GeoMetrics.register(registry, () -> snap, e);
            geo.countJoin(new Enrichment(Enrichment.Status.RESOLVED, "US", 14061, "DigitalOcean", NetworkKind.HOSTING, null));
            geo.countJoin(new Enrichment(Enrichment.Status.RESOLVED, "DE", 3320, "DTAG", null, null));
            var out = new java.io.ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("netwarden_players_by_country{country=\"AU\"} 1.0", "netwarden_players_by_country{country=\"unknown\"} 1.0",
                    "netwarden_connections_by_country{country=\"US\"} 2.0", "netwarden_player_vpn_joins_total{network=\"hosting\"} 1.0");
        }
    }
}
