package netwarden.app.run;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import netwarden.model.GameView;
import netwarden.sources.query.QueryPoller;

/**
 * Game query metrics, read at scrape time from {@link GameSources}: per service
 * {@code netwarden_service_query_up}, {@code _players}, {@code _max_players}, {@code _rtt_seconds} (the last
 * answer's), and the pollers' counters ({@code netwarden_query_polls_total}, {@code _misses_total} by reason), own packets dropped, Docker services skipped.
 */
final class GameMetrics {
    private GameMetrics() {}

    /** @param ownPackets packets of netwarden's own queries the engine dropped before counting */
    static void register(PrometheusRegistry registry, GameSources games, java.util.function.LongSupplier ownPackets) {
        CounterWithCallback.builder().name("netwarden_own_packets_total")
                .help("Packets of netwarden's own game queries, never counted as traffic, players or sources.")
                .callback(cb -> cb.call(ownPackets.getAsLong())).register(registry);
        CounterWithCallback.builder().name("netwarden_docker_skipped_total")
                .help("Container services not added: shadowed by a static services entry, or refused by the engine (name or key taken).")
                .labelNames("reason")
                .callback(cb -> {
                    DockerServices d = games.dockerServices();
                    if (d == null) return;
                    cb.call(d.shadowed(), "static");
                    cb.call(d.rejected(), "refused");
                }).register(registry);
        gauge(registry, games, "netwarden_service_query_up", "1 when the service answered its last game query, else 0.",
                q -> q.up() ? 1 : 0);
        gauge(registry, games, "netwarden_service_query_players", "Players the game server reports in its last query answer.",
                GameView.Query::players);
        gauge(registry, games, "netwarden_service_query_max_players", "Player slots the game server reports.",
                GameView.Query::maxPlayers);
        gauge(registry, games, "netwarden_service_query_rtt_seconds", "Round trip of the last game query answer.",
                q -> q.rttNanos() / 1e9);
        CounterWithCallback.builder().name("netwarden_query_polls_total").help("Game queries sent, by service.")
                .labelNames("service")
                .callback(cb -> games.pollers().forEach(p -> cb.call(p.counters().polls(), p.config().service())))
                .register(registry);
        CounterWithCallback.builder().name("netwarden_query_misses_total").help("Game queries without a valid answer, by service and reason.")
                .labelNames("service", "reason")
                .callback(cb -> {
                    for (QueryPoller p : games.pollers())
                        for (Map.Entry<String, Long> m : p.counters().misses().entrySet())
                            cb.call(m.getValue(), p.config().service(), m.getKey());
                })
                .register(registry);
        GaugeWithCallback.builder().name("netwarden_docker_services").help("Services Docker discovery knows now.")
                .callback(cb -> {
                    if (games.docker() != null) cb.call(games.docker().services().size());
                })
                .register(registry);
    }

    /** Only services whose query has answered at least once. */
    private static void gauge(PrometheusRegistry registry, GameSources games, String name, String help, ToDoubleFunction<GameView.Query> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("service", "protocol")
                .callback(cb -> games.view().get().queries().forEach((service, q) -> {
                    if (q.atNanos() != 0 || name.endsWith("_up")) cb.call(value.applyAsDouble(q), service, q.protocol());
                }))
                .register(registry);
    }
}
