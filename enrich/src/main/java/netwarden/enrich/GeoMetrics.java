package netwarden.enrich;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.Times;
import netwarden.model.WindowStats;

/**
 * Players and connections by country, and joins from hosting/VPN networks, for Prometheus (the
 * world-map series).
 *
 * <ul>
 *   <li>{@code netwarden_players_by_country{country}} — current players (one per service and
 *       address) in the latest snapshot, by country.</li>
 *   <li>{@code netwarden_connections_by_country{country}} — distinct source addresses among the top
 *       sources of every service's last closed second, by country. The snapshot holds only the top
 *       sources (windows.top-sources per service), so this counts the heaviest connections, not all.</li>
 *   <li>{@code netwarden_player_vpn_joins_total{network}} — joins whose address is on the
 *       hosting/VPN/proxy ASN lists, by kind; counted by whoever calls {@link #countJoin}.</li>
 * </ul>
 * The country label is the ISO code, a reserved-range label ("private", "loopback", ...), or
 * "unknown" (no data, or still being looked up: the scrape never waits, the next one has it).
 */
public final class GeoMetrics {
    private final Counter vpnJoins;

    private GeoMetrics(Counter vpnJoins) {
        this.vpnJoins = vpnJoins;
    }

    public static GeoMetrics register(PrometheusRegistry registry, Supplier<EngineSnapshot> snapshots, Enricher enricher) {
        Objects.requireNonNull(enricher, "enricher");
        Supplier<EngineSnapshot> latest = () -> {
            EngineSnapshot s = snapshots.get();
            return s == null ? EngineSnapshot.EMPTY : s;
        };
        GaugeWithCallback.builder().name("netwarden_players_by_country")
                .help("Current players by country of their address (ISO code, reserved-range label, or unknown).")
                .labelNames("country")
                .callback(cb -> playersByCountry(latest.get(), enricher).forEach((c, n) -> cb.call(n, c)))
                .register(registry);
        GaugeWithCallback.builder().name("netwarden_connections_by_country")
                .help("Distinct top sources of every service's last closed second, by country.")
                .labelNames("country")
                .callback(cb -> connectionsByCountry(latest.get(), enricher).forEach((c, n) -> cb.call(n, c)))
                .register(registry);
        Counter vpn = Counter.builder().name("netwarden_player_vpn_joins_total")
                .help("Player joins from networks on the hosting/VPN/proxy ASN lists.")
                .labelNames("network")
                .register(registry);
        return new GeoMetrics(vpn);
    }

    /** Counts a join whose address resolved to {@code e}; does nothing for ordinary networks. */
    public void countJoin(Enrichment e) {
        if (e.network() != null) vpnJoins.labelValues(e.network().label()).inc();
    }

    static Map<String, Long> playersByCountry(EngineSnapshot s, Enricher enricher) {
        Map<String, Long> out = new TreeMap<>();
        for (PlayerSnapshot p : s.players()) {
            if (!p.left()) out.merge(enricher.lookup(p.address()).countryLabel(), 1L, Long::sum);
        }
        return out;
    }

    static Map<String, Long> connectionsByCountry(EngineSnapshot s, Enricher enricher) {
        long lastClosed = Times.second(s.asOfNanos()) - 1;
        Set<Ip> sources = new HashSet<>();
        for (ServiceSnapshot svc : s.services()) {
            WindowStats w = svc.lastWindow();
            if (w == null || w.startSecond() < lastClosed) continue; // idle: no current connections
            for (SourceCount c : w.topSources()) sources.add(c.address());
        }
        Map<String, Long> out = new TreeMap<>();
        for (Ip ip : sources) out.merge(enricher.lookup(ip).countryLabel(), 1L, Long::sum);
        return out;
    }
}
