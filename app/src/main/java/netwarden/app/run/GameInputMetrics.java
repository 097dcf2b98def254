package netwarden.app.run;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import netwarden.sources.docker.DockerCounters;
import netwarden.sources.gamelog.GameLogAction;
import netwarden.sources.gamelog.GameLogCounters;

/**
 * What Docker discovery and the players log tail have done, read at scrape time from their counters
 * ({@code netwarden_docker_*}, {@code netwarden_gamelog_*}). A series exists only while its component is
 * configured and started.
 */
final class GameInputMetrics {
    private GameInputMetrics() {}

    static void register(PrometheusRegistry registry, GameSources games) {
        Function<GameSources, DockerCounters> docker = g -> g.docker() == null ? null : g.docker().counters();
        GaugeWithCallback.builder().name("netwarden_docker_connected")
                .help("1 while the Docker event stream is connected, else 0 (a missing socket, a daemon restarting).")
                .callback(cb -> {
                    DockerCounters c = docker.apply(games);
                    if (c != null) cb.call(c.isConnected() ? 1 : 0);
                }).register(registry);
        counter(registry, games, docker, "netwarden_docker_reconnects_total",
                "Connection attempts to the Docker daemon after a failure or a lost stream, each after a backoff delay.", DockerCounters::reconnects);
        counter(registry, games, docker, "netwarden_docker_connect_failures_total",
                "Attempts that found no Docker daemon (socket missing or refused).", DockerCounters::connectFailures);
        counter(registry, games, docker, "netwarden_docker_resyncs_total",
                "Container lists taken again: after a reconnect, or a quiet event stream.", DockerCounters::resyncs);
        labelled(registry, games, docker, "netwarden_docker_events_total", "Container events received, by action.", "action",
                (c, call) -> c.events().forEach((action, n) -> call.accept(action, n)));
        labelled(registry, games, docker, "netwarden_docker_errors_total",
                "Docker answers not as documented (protocol), port variables without a port (bad_port), listener failures.", "reason",
                (c, call) -> {
                    call.accept("protocol", c.protocolErrors());
                    call.accept("bad_port", c.badPorts());
                    call.accept("listener", c.listenerErrors());
                });

        Function<GameSources, GameLogCounters> log = g -> g.tail() == null ? null : g.tail().counters();
        counter(registry, games, log, "netwarden_gamelog_lines_total", "Complete lines read from the players log.", GameLogCounters::lines);
        counter(registry, games, log, "netwarden_gamelog_bytes_total", "Bytes read from the players log.", GameLogCounters::bytes);
        counter(registry, games, log, "netwarden_gamelog_resumes_total", "Starts that continued from the bookmark.", GameLogCounters::resumes);
        labelled(registry, games, log, "netwarden_gamelog_rotations_total",
                "Log rotations followed: a new file at the path (rename) or the file cut under the position (truncate).", "kind",
                (c, call) -> {
                    call.accept("rename", c.rotations());
                    call.accept("truncate", c.truncations());
                });
        labelled(registry, games, log, "netwarden_gamelog_events_total", "Events read from the players log, by action.", "action",
                (c, call) -> {
                    for (GameLogAction a : GameLogAction.values()) call.accept(a.logName(), c.events(a));
                });
        labelled(registry, games, log, "netwarden_gamelog_skipped_total",
                "Lines skipped: bad, too_long, ignored (unknown action or no rule), orphan_leave, partial.", "reason",
                (c, call) -> c.skipped().forEach((reason, n) -> call.accept(reason, n)));
        labelled(registry, games, log, "netwarden_gamelog_errors_total", "Bookmark writes that failed (bookmark), listener failures.", "reason",
                (c, call) -> {
                    call.accept("bookmark", c.bookmarkErrors());
                    call.accept("listener", c.listenerErrors());
                });
    }

    private static <C> void counter(PrometheusRegistry registry, GameSources games, Function<GameSources, C> counters, String name, String help,
                                    ToLongFunction<C> value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> {
            C c = counters.apply(games);
            if (c != null) cb.call(value.applyAsLong(c));
        }).register(registry);
    }

    private static <C> void labelled(PrometheusRegistry registry, GameSources games, Function<GameSources, C> counters, String name, String help,
                                     String label, BiConsumer<C, BiConsumer<String, Long>> values) {
        CounterWithCallback.builder().name(name).help(help).labelNames(label).callback(cb -> {
            C c = counters.apply(games);
            if (c != null) values.accept(c, (value, n) -> cb.call(n, value));
        }).register(registry);
    }
}
