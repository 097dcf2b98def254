package netwarden.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.ServiceSpec;
import netwarden.sources.docker.DockerConfig;
import netwarden.sources.docker.ServiceNaming;
import netwarden.sources.gamelog.GameLogConfig;
import netwarden.sources.gamelog.GameLogRule;
import netwarden.sources.query.QueryConfig;
import netwarden.sources.query.QueryProtocol;

/**
 * Binds {@code services[].query} (with {@code query-interval}, {@code query-timeout}, {@code query-port}),
 * {@code discovery.docker} and {@code sources.gamelog} onto {@link GameSettings}. The records in
 * {@code sources} validate; this class fills defaults and places the log's bookmark in {@code state.dir}.
 */
final class GameBinder {
    static final String BOOKMARK_DIR = "gamelog";

    private final Binding binder;

    GameBinder(Binding binder) {
        this.binder = binder;
    }

    /** @param services the bound services, index for index with {@code raw} */
    GameSettings bind(RawConfig raw, List<ServiceSpec> services, StateSettings state) {
        List<QueryConfig> queries = queries(raw.services(), services);
        RawConfig.Docker rawDocker = raw.discovery() == null ? null : raw.discovery().docker();
        DockerConfig docker = docker(rawDocker);
        Ip dockerAddress = docker == null ? null : address(rawDocker);
        if (dockerAddress == null) docker = null; // its problem is recorded; bind the rest
        RawConfig.GameLog log = raw.sources() == null ? null : raw.sources().gamelog();
        GameLogConfig gamelog = gamelog(log, state);
        String service = gamelog == null ? null : binder.string("sources.gamelog.service", log.service());
        return new GameSettings(queries, docker, dockerAddress, gamelog, service);
    }

    private List<QueryConfig> queries(List<RawConfig.Service> raw, List<ServiceSpec> services) {
        var out = new ArrayList<QueryConfig>();
        if (raw == null) return out;
        for (int i = 0; i < raw.size(); i++) {
            RawConfig.Service r = raw.get(i);
            String at = "services[" + i + "]";
            if (r == null) continue; // reported with the services
            if (r.query() == null) {
                if (r.queryInterval() != null || r.queryTimeout() != null || r.queryPort() != null)
                    binder.problem(at, null, at + ": query-interval, query-timeout and query-port need query", "add query: quake3, a2s or minecraft");
                continue;
            }
            String name = binder.string(at + ".name", r.name());
            ServiceSpec spec = services.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
            QueryProtocol protocol = binder.check(at + ".query", () -> QueryProtocol.parse(binder.string(at + ".query", r.query())), null);
            Duration interval = binder.duration(at + ".query-interval", r.queryInterval(), QueryConfig.DEFAULT_INTERVAL);
            Duration timeout = binder.duration(at + ".query-timeout", r.queryTimeout(), QueryConfig.DEFAULT_TIMEOUT.compareTo(interval) > 0
                    ? interval : QueryConfig.DEFAULT_TIMEOUT);
            // only valid services are in the list: a wrong one is reported with the services
            if (protocol == null || spec == null) continue;
            int port = r.queryPort() != null ? r.queryPort() : spec.key().port();
            // The record's messages name services[<name>]; the binder reports them at this entry.
            QueryConfig query = binder.check(at, () -> new QueryConfig(spec.name(), protocol, spec.key().address().toString(), port, interval, timeout), null);
            if (query != null) out.add(query);
        }
        return out;
    }

    private Ip address(RawConfig.Docker r) {
        String a = binder.string("discovery.docker.address", r.address());
        if (a == null) {
            binder.problem("discovery.docker", null, "discovery.docker.address is required: the host address the containers' published ports receive traffic on", null);
            return null;
        }
        return binder.check("discovery.docker.address", () -> Ip.parse(a), null);
    }

    private DockerConfig docker(RawConfig.Docker r) {
        if (r == null || Boolean.FALSE.equals(r.enabled())) return null;
        DockerConfig d = DockerConfig.defaults();
        String socket = binder.string("discovery.docker.socket", r.socket());
        List<String> labels = r.labels() == null ? d.labels() : r.labels().stream().map(l -> binder.string("discovery.docker.labels", l))
                .filter(java.util.Objects::nonNull).toList(); // a label that is not text is reported, then left out
        ServiceNaming id = r.id() == null ? d.id() : binder.check("discovery.docker.id", () -> ServiceNaming.parse(r.id(), "discovery.docker.id"), d.id());
        ServiceNaming name = r.name() == null ? d.name() : binder.check("discovery.docker.name", () -> ServiceNaming.parse(r.name(), "discovery.docker.name"), d.name());
        String portEnv = r.portEnv() == null ? d.portEnv() : binder.string("discovery.docker.port-env", r.portEnv());
        String proto = r.portProtocol() == null ? d.portProtocol() : binder.string("discovery.docker.port-protocol", r.portProtocol());
        Duration resync = binder.duration("discovery.docker.resync", r.resync(), d.resync());
        return binder.check("discovery.docker", () -> new DockerConfig(socket == null ? d.socket() : Path.of(socket), labels, id, name,
                portEnv, proto, r.publishedPorts() == null ? d.publishedPorts() : r.publishedPorts(), resync, d.timeout(),
                d.backoffMin(), d.backoffMax()), null);
    }

    private GameLogConfig gamelog(RawConfig.GameLog r, StateSettings state) {
        if (r == null || Boolean.FALSE.equals(r.enabled())) return null;
        String path = binder.string("sources.gamelog.path", r.path());
        if (path == null || path.isBlank()) {
            binder.problem("sources.gamelog", null, "sources.gamelog.path is required", "give the players log's path, or remove the section");
            return null;
        }
        Path log = Path.of(path);
        String format = r.format() == null ? "csv" : binder.string("sources.gamelog.format", r.format());
        List<GameLogRule> rules = new ArrayList<>();
        if (format.equals("regex")) {
            if (r.rules() == null || r.rules().isEmpty()) {
                binder.problem("sources.gamelog.format", format, "sources.gamelog.rules: format regex needs at least one rule (action, regex)", null);
                return null;
            }
            for (int i = 0; i < r.rules().size(); i++) {
                RawConfig.GameLogRule rule = r.rules().get(i);
                String at = "sources.gamelog.rules[" + i + "]";
                if (rule == null) {
                    if (!binder.failedAt(at)) binder.problem(at, null, at + " is empty", "give action and regex");
                    continue;
                }
                GameLogRule bound = binder.check(at, () -> GameLogRule.of(String.valueOf(rule.action()), String.valueOf(rule.regex())), null);
                if (bound != null) rules.add(bound);
            }
        } else if (!format.equals("csv")) {
            binder.problem("sources.gamelog.format", format, "sources.gamelog.format must be csv or regex: '" + format + "'", null);
            return null;
        } else if (r.rules() != null) {
            binder.problem("sources.gamelog.rules", null, "sources.gamelog.rules need format: regex", null);
            return null;
        }
        GameLogConfig d = GameLogConfig.defaults(log);
        String bookmark = binder.string("sources.gamelog.bookmark", r.bookmark());
        // The bookmark lives with the rest of netwarden's state unless placed elsewhere.
        Path mark = bookmark != null ? Path.of(bookmark) : state.dir().resolve(BOOKMARK_DIR).resolve(log.getFileName() + ".netwarden-pos");
        String salt = binder.string("sources.gamelog.hash-salt", r.hashSalt());
        Duration poll = binder.duration("sources.gamelog.poll-interval", r.pollInterval(), d.pollInterval());
        return binder.check("sources.gamelog", () -> new GameLogConfig(log, rules, mark, poll,
                r.fromStart() != null && r.fromStart(), d.catchUpLimit(), salt, d.maxLineBytes()), null);
    }
}
