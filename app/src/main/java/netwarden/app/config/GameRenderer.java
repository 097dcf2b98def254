package netwarden.app.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import netwarden.sources.docker.DockerConfig;
import netwarden.sources.docker.ServiceNaming;
import netwarden.sources.gamelog.GameLogConfig;
import netwarden.sources.gamelog.GameLogRule;
import netwarden.sources.query.QueryConfig;

/**
 * Prints {@link GameSettings} for {@code check-config}. Unlike other sections these keys appear only
 * when configured: each is off unless written, so an untouched config prints as before.
 */
final class GameRenderer {
    private GameRenderer() {}

    static void query(ObjectNode service, GameSettings games, String name) {
        for (QueryConfig q : games.queries()) {
            if (!q.service().equals(name)) continue;
            service.put("query", q.protocol().configName()).put("query-port", q.port())
                    .put("query-interval", Durations.format(q.interval())).put("query-timeout", Durations.format(q.timeout()));
        }
    }

    static void docker(ObjectNode discovery, GameSettings games) {
        DockerConfig d = games.docker();
        if (d == null) return;
        ObjectNode n = discovery.putObject("docker").put("enabled", true).put("address", games.dockerAddress().toString())
                .put("socket", d.socket().toString());
        d.labels().forEach(n.putArray("labels")::add);
        n.put("id", naming(d.id())).put("name", naming(d.name())).put("port-env", d.portEnv())
                .put("port-protocol", d.portProtocol()).put("published-ports", d.publishedPorts())
                .put("resync", Durations.format(d.resync()));
    }

    static void gamelog(ObjectNode root, GameSettings games) {
        GameLogConfig g = games.gamelog();
        if (g == null) return;
        ObjectNode n = root.putObject("sources").putObject("gamelog").put("enabled", true).put("path", g.path().toString())
                .put("service", games.gamelogService()).put("format", g.rules().isEmpty() ? "csv" : "regex");
        if (!g.rules().isEmpty()) {
            var rules = n.putArray("rules");
            for (GameLogRule r : g.rules()) rules.addObject().put("action", r.action().logName()).put("regex", r.pattern().pattern());
        }
        n.put("bookmark", g.bookmark().toString()).put("hash-salt", g.hashSalt() == null ? null : ConfigRenderer.REDACTED)
                .put("from-start", g.fromStart()).put("poll-interval", Durations.format(g.pollInterval()));
    }

    private static String naming(ServiceNaming n) {
        return n.key() == null ? n.source() : n.source() + ":" + n.key();
    }
}
