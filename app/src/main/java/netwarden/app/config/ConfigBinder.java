package netwarden.app.config;

import static netwarden.app.config.Binding.or;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.app.capture.CaptureConfigBinder;
import netwarden.app.capture.RawCapture;
import netwarden.app.collect.CollectBinder;
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
import netwarden.sources.collect.CollectorConfig;
import netwarden.sources.live.CaptureConfig;
import netwarden.store.StoreConfig;

/**
 * Turns a {@link RawConfig} into a {@link NetwardenConfig}: fills defaults, expands {@code ${ENV}}
 * references, adds the {@code NETWARDEN_API_TOKEN} token and the {@code NETWARDEN_DISCORD_WEBHOOK}
 * channel, reads token files, and lets the component records validate. Every problem is recorded in
 * the {@link Binding} at its key path (a wrong value stands back for its default so binding goes on);
 * the loader reports them all at once.
 */
final class ConfigBinder {
    static final String ENV_TOKEN = "NETWARDEN_API_TOKEN";

    private final Binding b;
    private final Map<String, String> environment;
    private final String userHome;
    private final Set<String> sections;
    private final long maxHeap;

    /**
     * @param userHome where {@code ~} points, and the base of the default GeoIP data directory
     * @param sections the top-level sections to bind (a command binds only those it uses, so an unset
     *                 {@code ${ENV}} in a section it ignores cannot stop it); null for all
     * @param maxHeap  the heap the tables sized in the config must fit in (bytes)
     */
    ConfigBinder(Binding binding, Map<String, String> environment, String userHome, Set<String> sections, long maxHeap) {
        this.b = binding;
        this.environment = environment;
        this.userHome = userHome;
        this.sections = sections;
        this.maxHeap = maxHeap;
    }

    NetwardenConfig bind(RawConfig raw) {
        NetwardenConfig d = NetwardenConfig.defaults();
        if (raw == null) raw = RawConfig.EMPTY;
        HttpSettings http = uses("http") ? http(raw.http(), d.http()) : d.http();
        List<ApiTokenSetting> tokens = uses("api") ? new ApiTokenBinder(b, environment.get(ENV_TOKEN)).bind(raw.api()) : List.of();
        EngineConfig defaults = d.engine();
        List<ServiceSpec> services = uses("services") ? services(raw.services()) : List.of();
        DiscoveryConfig discovery = uses("discovery") ? discovery(raw.discovery(), defaults.discovery()) : defaults.discovery();
        PlayerConfig players = uses("players") ? players(raw.players(), defaults.players()) : defaults.players();
        WindowConfig windows = uses("windows") ? windows(raw.windows(), defaults.windows()) : defaults.windows();
        int flowCapacity = raw.flows() == null || raw.flows().capacity() == null || !uses("flows") ? defaults.flowCapacity() : raw.flows().capacity();
        DetectionConfig detection = uses("detection") ? new DetectionBinder(b).bind(raw.detection(), defaults.detection()) : defaults.detection();
        int shards = raw.engine() == null || raw.engine().shards() == null || !uses("engine") ? defaults.shards() : raw.engine().shards();
        EngineConfig engine = b.check("", () -> new EngineConfig(services, discovery, players, windows, flowCapacity, detection, shards), defaults);
        RawCapture rawCapture = uses("capture") ? raw.capture() : null;
        SourceSettings source = uses("source") ? source(raw.source(), d.source(), rawCapture != null && !Boolean.FALSE.equals(rawCapture.enabled())) : d.source();
        CaptureConfig capture = CaptureConfigBinder.bind(rawCapture, b);
        StateSettings state = uses("state") ? state(raw.state()) : new StateSettings(StateSettings.defaultDir(environment));
        IncidentSettings incidents = uses("incidents") ? incidents(raw.incidents(), state) : IncidentSettings.defaults(state);
        NotifyBinder notifyBinder = new NotifyBinder(b);
        NotifyConfig notify = uses("notify") ? notifications(notifyBinder, raw.notifications()) : NotifyConfig.defaults();
        EnrichSettings enrichDefaults = EnrichSettings.defaults(environment, userHome, state.dir());
        EnrichSettings enrich = uses("enrich") ? notifyBinder.enrich(raw.enrich(), environment, userHome, state.dir()) : enrichDefaults;
        GameSettings games = new GameBinder(b).bind(raw, services, state);
        RouterSettings router = uses("router") ? new RouterBinder(b).bind(raw.router(), state) : null;
        StoreConfig store = uses("store") ? new StoreBinder(b).bind(raw.store()) : d.store();
        CollectorConfig collect = CollectBinder.bind(uses("collect") ? raw.collect() : null,
                raw.flows() == null || !uses("flows") ? null : raw.flows().defaultSampling(), b);
        NetwardenConfig config = b.check("api.tokens", () -> new NetwardenConfig(http, tokens, engine, source, capture, state, incidents, notify,
                enrich, games, router, store, collect), d);
        HeapBudget.check(b, config, maxHeap);
        b.throwIfAny();
        return config;
    }

    private boolean uses(String section) {
        return sections == null || sections.contains(section);
    }

    /** The {@code notify} section plus the {@code NETWARDEN_DISCORD_WEBHOOK} channel. */
    private NotifyConfig notifications(NotifyBinder binder, NotifyYaml.Notify raw) {
        NotifyConfig fromFile = binder.notifications(raw);
        try {
            return fromFile.withEnvironment(environment);
        } catch (IllegalArgumentException e) { // it names the variable, not a key of the file
            b.problem("", null, e.getMessage(), null);
            return fromFile;
        }
    }

    private StateSettings state(RawConfig.State r) {
        Path dir = r == null ? null : file("state.dir", r.dir());
        return dir == null ? new StateSettings(StateSettings.defaultDir(environment)) : new StateSettings(dir);
    }

    private IncidentSettings incidents(RawConfig.Incidents r, StateSettings state) {
        IncidentSettings d = IncidentSettings.defaults(state);
        if (r == null) return d;
        Path dir = file("incidents.dir", r.dir());
        return b.check("", () -> new IncidentSettings(or(dir, d.dir()), or(r.queue(), d.queue())), d);
    }

    private HttpSettings http(RawConfig.Http h, HttpSettings d) {
        if (h == null) return d;
        String listenText = b.string("http.listen", h.listen());
        ListenAddress listen = listenText == null ? d.listen() : b.check("http.listen", () -> ListenAddress.parse(listenText), d.listen());
        Path web = file("http.web-config", h.webConfig());
        return new HttpSettings(listen, or(h.metricsAuth(), d.metricsAuth()), or(web, d.webConfig()), or(h.allowPlainHttp(), d.allowPlainHttp()));
    }

    private List<ServiceSpec> services(List<RawConfig.Service> raw) {
        var out = new ArrayList<ServiceSpec>();
        if (raw == null) return out;
        var names = new HashMap<String, Integer>();
        var keys = new HashMap<ServiceKey, Integer>();
        for (int i = 0; i < raw.size(); i++) {
            RawConfig.Service s = raw.get(i);
            String at = "services[" + i + "]";
            if (s == null) {
                if (!b.failedAt(at)) b.problem(at, null, at + ": empty service entry", "give at least name, address and port");
                continue;
            }
            if (s.name() == null) b.problem(at, null, at + ".name is required", null);
            if (s.address() == null) b.problem(at, null, at + ".address is required", null);
            String name = b.string(at + ".name", s.name());
            String addressText = b.string(at + ".address", s.address());
            Ip address = addressText == null ? null : b.check(at + ".address", () -> Ip.parse(addressText), null);
            String protoText = b.string(at + ".proto", s.proto());
            Integer proto = protoText == null ? (Integer) Proto.UDP : b.check(at + ".proto", () -> Proto.parse(protoText), null);
            Integer port = proto == null ? null : port(at, proto, s.port());
            String connect = b.string(at + ".connect", s.connect());
            if (name == null || address == null || proto == null || port == null) continue;
            ServiceSpec spec = b.check(at, () -> new ServiceSpec(name, new ServiceKey(address, proto, port), connect), null);
            if (spec == null) continue;
            Integer sameName = names.putIfAbsent(spec.name(), i);
            Integer sameKey = keys.putIfAbsent(spec.key(), i);
            if (sameName != null) b.problem(at + ".name", name, at + ".name: '" + name + "' is already the name of services[" + sameName + "]", null);
            else if (sameKey != null) b.problem(at, spec.key(), at + ": " + spec.key() + " is already configured as services[" + sameKey + "]", null);
            else out.add(spec);
        }
        return out;
    }

    /** The port, 0 for a protocol without ports, or null when wrong (recorded). */
    private Integer port(String at, int proto, Integer port) {
        if (!Proto.hasPorts(proto)) {
            if (port == null) return 0;
            b.problem(at + ".port", port, at + ".port must be absent for " + Proto.name(proto) + " (it has no ports)", null);
            return null;
        }
        if (port == null) {
            if (!b.failedAt(at + ".port")) b.problem(at, null, at + ".port is required for " + Proto.name(proto), null); // else: unreadable, reported
        } else if (port < 1 || port > 65535) b.problem(at + ".port", port, at + ".port must be 1..65535: " + port, null);
        else return port;
        return null;
    }

    private DiscoveryConfig discovery(RawConfig.Discovery r, DiscoveryConfig d) {
        if (r == null) return d;
        Duration window = b.duration("discovery.window", r.window(), d.window());
        return b.check("", () -> new DiscoveryConfig(or(r.enabled(), d.enabled()), or(r.minSources(), d.minSources()),
                window, or(r.maxServices(), d.maxServices()), or(r.maxCandidates(), d.maxCandidates())), d);
    }

    private PlayerConfig players(RawConfig.Players r, PlayerConfig d) {
        if (r == null) return d;
        double minIn = b.real("players.min-pps-in", r.minPpsIn(), d.minPpsIn());
        double minOut = b.real("players.min-pps-out", r.minPpsOut(), d.minPpsOut());
        Duration activity = b.duration("players.activity-window", r.activityWindow(), d.activityWindow());
        Duration join = b.duration("players.join-after", r.joinAfter(), d.joinAfter());
        Duration leave = b.duration("players.leave-after", r.leaveAfter(), d.leaveAfter());
        return b.check("", () -> new PlayerConfig(minIn, minOut, activity, join, leave, or(r.recentLeftKept(), d.recentLeftKept())), d);
    }

    private WindowConfig windows(RawConfig.Windows r, WindowConfig d) {
        if (r == null) return d;
        Duration history = b.duration("windows.history", r.history(), Duration.ofSeconds(d.historySeconds()));
        int seconds = d.historySeconds();
        if (history.toNanos() % 1_000_000_000L != 0 || history.isZero())
            b.problem("windows.history", history, "windows.history must be a positive whole number of seconds: " + Durations.format(history), null);
        else seconds = (int) Math.min(history.toSeconds(), Integer.MAX_VALUE);
        int historySeconds = seconds;
        return b.check("", () -> new WindowConfig(historySeconds, or(r.exactSourcesLimit(), d.exactSourcesLimit()),
                or(r.topSources(), d.topSources())), d);
    }

    /** @param liveCapture whether the {@code capture} section asks for live capture */
    private SourceSettings source(RawConfig.Source r, SourceSettings d, boolean liveCapture) {
        if (r == null) return new SourceSettings(d.pcap(), d.speed(), liveCapture);
        Path pcap = file("source.pcap", r.pcap());
        String speedText = b.string("source.speed", r.speed());
        ReplaySpeed speed = speedText == null ? d.speed() : b.check("source.speed", () -> ReplaySpeed.parse(speedText), d.speed());
        return new SourceSettings(or(pcap, d.pcap()), speed, liveCapture);
    }

    /** A file or directory setting: absent is null, empty is a problem. */
    private Path file(String path, String raw) {
        if (raw == null) return null;
        String s = b.required(path, raw);
        return s == null ? null : Path.of(s);
    }
}
