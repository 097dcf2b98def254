package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.app.capture.CaptureConfigBinder;
import netwarden.app.capture.RawCapture;
import netwarden.app.notify.EnrichSettings;
import netwarden.app.notify.NotifyBinder;
import netwarden.app.notify.NotifyYaml;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.engine.detect.DetectionConfig;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sources.live.CaptureConfig;

/**
 * Turns a {@link RawConfig} into a {@link NetwardenConfig}: fills defaults, expands {@code ${ENV}}
 * references, adds the {@code NETWARDEN_API_TOKEN} token and the {@code NETWARDEN_DISCORD_WEBHOOK}
 * channel, reads token files, and lets the component records validate.
 * A validation error is reported at the line of the key it names (the records' messages start with
 * the dotted key, e.g. {@code players.join-after}), else at the section it came from.
 */
final class ConfigBinder {
    static final String ENV_TOKEN = "NETWARDEN_API_TOKEN";
    private static final String KEY = "[a-z]+(?:\\[\\d+])*(?:\\.[a-z-]+(?:\\[\\d+])*)+";
    /** A dotted key, with list indices: {@code players.join-after}, {@code notify.channels[1].url}. */
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile(KEY);

    private final String file;
    private final LocationIndex index;
    private final EnvExpander env;
    private final Map<String, String> environment;
    private final String userHome;

    /** @param userHome where {@code ~} points, and the base of the default GeoIP data directory */
    ConfigBinder(String file, LocationIndex index, Map<String, String> environment, String userHome) {
        this.file = file;
        this.index = index;
        this.env = new EnvExpander(environment);
        this.environment = environment;
        this.userHome = userHome;
    }

    NetwardenConfig bind(RawConfig raw) {
        NetwardenConfig d = NetwardenConfig.defaults();
        if (raw == null) raw = RawConfig.EMPTY;
        HttpSettings http = http(raw.http(), d.http());
        List<ApiTokenSetting> tokens = new ApiTokenBinder(this, environment.get(ENV_TOKEN)).bind(raw.api());
        EngineConfig defaults = d.engine();
        List<ServiceSpec> services = services(raw.services());
        DiscoveryConfig discovery = discovery(raw.discovery(), defaults.discovery());
        PlayerConfig players = players(raw.players(), defaults.players());
        WindowConfig windows = windows(raw.windows(), defaults.windows());
        int flowCapacity = raw.flows() == null || raw.flows().capacity() == null ? defaults.flowCapacity() : raw.flows().capacity();
        DetectionConfig detection = new DetectionBinder(this).bind(raw.detection(), defaults.detection());
        EngineConfig engine = check("services", () -> new EngineConfig(services, discovery, players, windows, flowCapacity, detection));
        RawCapture rawCapture = raw.capture();
        SourceSettings source = source(raw.source(), d.source(), rawCapture != null && !Boolean.FALSE.equals(rawCapture.enabled()));
        CaptureConfig capture = check("capture", () -> CaptureConfigBinder.bind(rawCapture, env::expand));
        StateSettings state = state(raw.state());
        IncidentSettings incidents = incidents(raw.incidents(), state);
        NotifyBinder notifyBinder = new NotifyBinder(env::expand);
        NotifyConfig notify = notifications(notifyBinder, raw.notifications());
        NotifyYaml.Enrich rawEnrich = raw.enrich();
        EnrichSettings enrich = check("enrich", () -> notifyBinder.enrich(rawEnrich, environment, userHome, state.dir()));
        GameSettings games = new GameBinder(this).bind(raw, services, state);
        return check("api", () -> new NetwardenConfig(http, tokens, engine, source, capture, state, incidents, notify, enrich, games));
    }

    /** The {@code notify} section plus the {@code NETWARDEN_DISCORD_WEBHOOK} channel. */
    private NotifyConfig notifications(NotifyBinder binder, NotifyYaml.Notify raw) {
        NotifyConfig fromFile = check("notify", () -> binder.notifications(raw));
        try {
            return fromFile.withEnvironment(environment);
        } catch (IllegalArgumentException e) { // the message names the variable, not a key of the file
            throw error("", e.getMessage());
        }
    }

    private StateSettings state(RawConfig.State r) {
        String dir = r == null ? null : string("state.dir", r.dir());
        if (dir == null) return new StateSettings(StateSettings.defaultDir(environment));
        if (dir.isBlank()) throw error("state.dir", "state.dir must not be empty");
        return check("state.dir", () -> new StateSettings(Path.of(dir)));
    }

    private IncidentSettings incidents(RawConfig.Incidents r, StateSettings state) {
        IncidentSettings d = IncidentSettings.defaults(state);
        if (r == null) return d;
        String dir = string("incidents.dir", r.dir());
        if (dir != null && dir.isBlank()) throw error("incidents.dir", "incidents.dir must not be empty");
        return check("incidents", () -> new IncidentSettings(dir == null ? d.dir() : Path.of(dir), or(r.queue(), d.queue())));
    }

    private HttpSettings http(RawConfig.Http h, HttpSettings d) {
        if (h == null) return d;
        ListenAddress listen = h.listen() == null ? d.listen() : check("http.listen", () -> ListenAddress.parse(string("http.listen", h.listen())));
        String web = string("http.web-config", h.webConfig());
        if (web != null && web.isBlank()) throw error("http.web-config", "http.web-config must not be empty");
        return new HttpSettings(listen, or(h.metricsAuth(), d.metricsAuth()), web == null ? d.webConfig() : Path.of(web),
                or(h.allowPlainHttp(), d.allowPlainHttp()));
    }

    private List<ServiceSpec> services(List<RawConfig.Service> raw) {
        var out = new ArrayList<ServiceSpec>();
        if (raw == null) return out;
        var names = new java.util.HashMap<String, Integer>();
        var keys = new java.util.HashMap<ServiceKey, Integer>();
        for (int i = 0; i < raw.size(); i++) {
            RawConfig.Service s = raw.get(i);
            String at = "services[" + i + "]";
            if (s == null) throw error(at, "empty service entry");
            if (s.name() == null) throw error(at, at + ".name is required");
            if (s.address() == null) throw error(at, at + ".address is required");
            String name = string(at + ".name", s.name());
            Ip address = check(at + ".address", () -> Ip.parse(string(at + ".address", s.address())));
            int proto = s.proto() == null ? Proto.UDP : check(at + ".proto", () -> Proto.parse(string(at + ".proto", s.proto())));
            int port = port(at, proto, s.port());
            String connect = string(at + ".connect", s.connect());
            ServiceSpec spec = check(at, () -> new ServiceSpec(name, new ServiceKey(address, proto, port), connect));
            Integer sameName = names.putIfAbsent(spec.name(), i);
            if (sameName != null) throw error(at + ".name", at + ".name: '" + name + "' is already the name of services[" + sameName + "]");
            Integer sameKey = keys.putIfAbsent(spec.key(), i);
            if (sameKey != null) throw error(at, at + ": " + spec.key() + " is already configured as services[" + sameKey + "]");
            out.add(spec);
        }
        return out;
    }

    private int port(String at, int proto, Integer port) {
        if (!Proto.hasPorts(proto)) {
            if (port != null) throw error(at + ".port", at + ".port must be absent for " + Proto.name(proto) + " (it has no ports)");
            return 0;
        }
        if (port == null) throw error(at, at + ".port is required for " + Proto.name(proto));
        if (port < 1 || port > 65535) throw error(at + ".port", at + ".port must be 1..65535: " + port);
        return port;
    }

    private DiscoveryConfig discovery(RawConfig.Discovery r, DiscoveryConfig d) {
        if (r == null) return d;
        return check("discovery", () -> new DiscoveryConfig(or(r.enabled(), d.enabled()), or(r.minSources(), d.minSources()),
                duration("discovery.window", r.window(), d.window()), or(r.maxServices(), d.maxServices()),
                or(r.maxCandidates(), d.maxCandidates())));
    }

    private PlayerConfig players(RawConfig.Players r, PlayerConfig d) {
        if (r == null) return d;
        return check("players", () -> new PlayerConfig(or(r.minPpsIn(), d.minPpsIn()), or(r.minPpsOut(), d.minPpsOut()),
                duration("players.activity-window", r.activityWindow(), d.activityWindow()),
                duration("players.join-after", r.joinAfter(), d.joinAfter()),
                duration("players.leave-after", r.leaveAfter(), d.leaveAfter()),
                or(r.recentLeftKept(), d.recentLeftKept())));
    }

    private WindowConfig windows(RawConfig.Windows r, WindowConfig d) {
        if (r == null) return d;
        Duration history = duration("windows.history", r.history(), Duration.ofSeconds(d.historySeconds()));
        if (history.toNanos() % 1_000_000_000L != 0 || history.isZero())
            throw error("windows.history", "windows.history must be a positive whole number of seconds: " + Durations.format(history));
        long seconds = history.toSeconds();
        return check("windows", () -> new WindowConfig((int) Math.min(seconds, Integer.MAX_VALUE),
                or(r.exactSourcesLimit(), d.exactSourcesLimit()), or(r.topSources(), d.topSources())));
    }

    /** @param liveCapture whether the {@code capture} section asks for live capture */
    private SourceSettings source(RawConfig.Source r, SourceSettings d, boolean liveCapture) {
        if (r == null) return new SourceSettings(d.pcap(), d.speed(), liveCapture);
        String pcap = string("source.pcap", r.pcap());
        if (pcap != null && pcap.isBlank()) throw error("source.pcap", "source.pcap must not be empty");
        ReplaySpeed speed = r.speed() == null ? d.speed() : check("source.speed", () -> ReplaySpeed.parse(string("source.speed", r.speed())));
        return new SourceSettings(pcap == null ? d.pcap() : Path.of(pcap), speed, liveCapture);
    }

    String string(String path, String raw) {
        return check(path, () -> env.expand(raw));
    }

    Duration duration(String path, String raw, Duration fallback) {
        if (raw == null) return fallback;
        return check(path, () -> Durations.parse(string(path, raw)));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Runs a constructor or parser; an IllegalArgumentException becomes a located ConfigException. */
    <T> T check(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            // Component records already start their messages with the dotted key; others get the path.
            boolean named = message.matches(KEY + ":? .*");
            throw error(locate(path, message), named ? message : path + ": " + message);
        }
    }

    /**
     * The first key named in the message that the file actually wrote; else the first one inside
     * {@code path} (reported at its nearest written parent); else the section path.
     */
    private String locate(String path, String message) {
        Matcher m = KEY_IN_MESSAGE.matcher(message);
        String inside = null;
        while (m.find()) {
            if (index.has(m.group())) return m.group();
            if (inside == null && m.group().startsWith(path)) inside = m.group();
        }
        return inside != null ? inside : path;
    }

    ConfigException error(String path, String message) {
        JsonLocation l = index.find(path);
        if (l == null) return new ConfigException(file, message);
        return new ConfigException(file, l.getLineNr(), l.getColumnNr(), message, null);
    }
}
