package netwarden.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netwarden.engine.router.RouterRule;
import netwarden.engine.router.ScoringConfig;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;
import netwarden.sources.router.Prefix;
import netwarden.sources.router.RouterConfig;

/**
 * Binds {@code router:} onto {@link RouterSettings}: defaults filled, every problem recorded at its key (a wrong
 * value stands back for its default so binding goes on), the DNS bookmark placed in {@code state.dir}. The
 * records validate; this class only reads and places.
 */
final class RouterBinder {
    static final String BOOKMARK_DIR = "router";
    private final Binding b;

    RouterBinder(Binding binding) {
        this.b = binding;
    }

    /** Null when the section is absent or {@code enabled: false}. */
    RouterSettings bind(RawRouter r, StateSettings state) {
        if (r == null || Boolean.FALSE.equals(r.enabled())) return null;
        RouterConfig d = RouterConfig.defaults();
        List<Prefix> lan = new ArrayList<>();
        if (r.lan() == null || r.lan().isEmpty())
            b.problem("router.lan", null, "router.lan needs at least one prefix: the devices live there", "e.g. lan: [192.168.1.0/24]");
        else for (int i = 0; i < r.lan().size(); i++) {
            String at = "router.lan[" + i + "]", text = b.required(at, r.lan().get(i));
            Prefix p = text == null ? null : b.check(at, () -> Prefix.parse(text), null);
            if (p != null) lan.add(p);
        }
        List<String> interfaces = r.interfaces() == null ? List.of() : r.interfaces().stream().map(i -> b.string("router.interfaces", i)).toList();
        String netns = b.string("router.netns", r.netns());
        boolean conntrack = r.conntrack() == null || r.conntrack().enabled() == null || r.conntrack().enabled();
        int buffer = r.conntrack() == null || r.conntrack().receiveBuffer() == null ? d.conntrackReceiveBuffer() : r.conntrack().receiveBuffer();
        if (buffer < 4096 || buffer > 1 << 30) {
            b.problem("router.conntrack.receive-buffer", buffer, "router.conntrack.receive-buffer must be 4096..1073741824 bytes: " + buffer,
                    "the kernel doubles it; 8388608 (8 MiB) is the default");
            buffer = d.conntrackReceiveBuffer();
        }
        int receiveBuffer = buffer;
        List<RouterConfig.NflogGroup> groups = nflog(r.nflog());
        RawRouter.Dns dns = r.dns();
        Path log = dns == null ? null : b.path("router.dns.log", dns.log(), System.getProperty("user.home"));
        boolean hash = dns != null && Boolean.TRUE.equals(dns.hashNames());
        String salt = dns == null ? null : b.string("router.dns.hash-salt", dns.hashSalt());
        RouterConfig sources = b.check("router", () -> new RouterConfig(lan, interfaces, conntrack, receiveBuffer, groups, log, hash, salt, netns), null);
        String bookmarkText = dns == null ? null : b.string("router.dns.bookmark", dns.bookmark());
        Path bookmark = bookmarkText != null ? Path.of(bookmarkText)
                : log == null ? null : state.dir().resolve(BOOKMARK_DIR).resolve(log.getFileName() + ".netwarden-pos");
        Duration poll = b.duration("router.dns.poll-interval", dns == null ? null : dns.pollInterval(), RouterSettings.DEFAULT_DNS_POLL);
        Duration ttl = b.duration("router.dns.map-ttl", dns == null ? null : dns.mapTtl(), RouterSettings.DEFAULT_MAP_TTL);
        int mapSize = dns == null || dns.mapSize() == null ? RouterSettings.DEFAULT_MAP_SIZE : dns.mapSize();
        RawRouter.Anomalies a = r.anomalies();
        ScoringConfig scoring = a != null && Boolean.FALSE.equals(a.enabled()) ? null : scoring(a);
        Duration quiet = b.duration("router.anomalies.incident-quiet", a == null ? null : a.incidentQuiet(), RouterSettings.DEFAULT_INCIDENT_QUIET);
        List<RouterRule> rules = rules(r.rules());
        int devices = r.devices() == null ? RouterSettings.DEFAULT_DEVICES : r.devices();
        if (sources == null || lan.isEmpty()) return null; // the reason is recorded at its key
        return b.check("", () -> new RouterSettings(sources, devices, bookmark, poll, mapSize, ttl, scoring, quiet, rules), null);
    }

    private List<RouterConfig.NflogGroup> nflog(List<RawRouter.NflogGroup> raw) {
        var out = new ArrayList<RouterConfig.NflogGroup>();
        if (raw == null) return out;
        for (int i = 0; i < raw.size(); i++) {
            String at = "router.nflog[" + i + "]";
            RawRouter.NflogGroup g = raw.get(i);
            if (g == null || g.group() == null) {
                b.problem(at, null, at + ".group is required", "the NFLOG group number of the rules (nft ... log group N)");
                continue;
            }
            String actionText = b.string(at + ".action", g.action());
            RouterConfig.NflogGroup.Action action = actionText == null ? RouterConfig.NflogGroup.Action.DROP
                    : b.check(at + ".action", () -> action(actionText), null);
            if (action == null) continue;
            RouterConfig.NflogGroup group = b.check(at, () -> new RouterConfig.NflogGroup(g.group(), action), null);
            if (group != null) out.add(group);
        }
        return out;
    }

    private static RouterConfig.NflogGroup.Action action(String text) {
        try {
            return RouterConfig.NflogGroup.Action.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be drop, accept or log: '" + text + "'");
        }
    }

    private ScoringConfig scoring(RawRouter.Anomalies a) {
        ScoringConfig d = ScoringConfig.defaults();
        if (a == null) return d;
        String at = "router.anomalies.";
        Duration learning = b.duration(at + "learning", a.learning(), d.learning());
        Duration dormant = b.duration(at + "dormant-after", a.dormantAfter(), d.dormantAfter());
        double share = b.real(at + "rare-port-share", a.rarePortShare(), d.rarePortShare());
        double factor = b.real(at + "baseline-factor", a.baselineFactor(), d.baselineFactor());
        return b.check("router.anomalies", () -> new ScoringConfig(learning, dormant, share,
                Binding.or(a.rarePortMinConnections(), d.rarePortMinConnections()), Binding.or(a.scanPorts(), d.scanPorts()), factor,
                Binding.or(a.egressFloor(), d.egressFloorBytes()), Binding.or(a.fanoutFloor(), d.fanoutFloor()),
                Binding.or(a.dropsPerMinute(), d.dropsPerMinute()), Binding.or(a.maxDestinations(), d.maxDestinations())), d);
    }

    private List<RouterRule> rules(List<RawRouter.Rule> raw) {
        var out = new ArrayList<RouterRule>();
        if (raw == null) return out;
        for (int i = 0; i < raw.size(); i++) {
            String at = "router.rules[" + i + "]";
            RawRouter.Rule r = raw.get(i);
            if (r == null) continue;
            RouterRule rule = b.check(at, () -> RouterRuleText.parse(r.type(), r.device(), r.remote(), r.asn(), r.org(), r.port(), r.code()), null);
            if (rule != null) out.add(rule);
        }
        return out;
    }
}
