package netwarden.app.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import netwarden.engine.router.RouterRule;
import netwarden.engine.router.ScoringConfig;
import netwarden.sources.router.RouterConfig;

/** Prints {@code router:} with every default filled in (the salt redacted); nothing when the profile is off. */
final class RouterRenderer {
    private RouterRenderer() {}

    static void router(ObjectNode root, RouterSettings r) {
        if (r == null) return;
        RouterConfig c = r.sources();
        ObjectNode n = root.putObject("router").put("enabled", true);
        ArrayNode lan = n.putArray("lan");
        c.lan().forEach(p -> lan.add(p.toString()));
        c.interfaces().forEach(n.putArray("interfaces")::add);
        n.put("netns", c.netns()).put("devices", r.devices());
        n.putObject("conntrack").put("enabled", c.conntrack()).put("receive-buffer", c.conntrackReceiveBuffer());
        ObjectNode dns = n.putObject("dns");
        dns.put("log", c.dnsmasqLog() == null ? null : c.dnsmasqLog().toString()).put("hash-names", c.hashNames())
                .put("hash-salt", c.hashSalt() == null ? null : ConfigRenderer.REDACTED)
                .put("bookmark", r.dnsBookmark() == null ? null : r.dnsBookmark().toString())
                .put("poll-interval", Durations.format(r.dnsPoll())).put("map-size", r.domainMapSize())
                .put("map-ttl", Durations.format(r.domainMapTtl()));
        ArrayNode nflog = n.putArray("nflog");
        c.nflogGroups().forEach(g -> nflog.addObject().put("group", g.group()).put("action", g.action().name().toLowerCase(Locale.ROOT)));
        ObjectNode a = n.putObject("anomalies").put("enabled", r.scoring() != null);
        ScoringConfig s = r.scoring() == null ? ScoringConfig.defaults() : r.scoring();
        a.put("learning", Durations.format(s.learning())).put("dormant-after", Durations.format(s.dormantAfter()))
                .put("rare-port-share", s.rarePortShare()).put("rare-port-min-connections", s.rarePortMinConnections())
                .put("scan-ports", s.scanPorts()).put("baseline-factor", s.baselineFactor()).put("egress-floor", s.egressFloorBytes())
                .put("fanout-floor", s.fanoutFloor()).put("drops-per-minute", s.dropsPerMinute())
                .put("max-destinations", s.maxDestinations()).put("incident-quiet", Durations.format(r.incidentQuiet()));
        ArrayNode rules = n.putArray("rules");
        for (RouterRule rule : r.rules()) {
            ObjectNode o = rules.addObject().put("type", rule.type().name().toLowerCase(Locale.ROOT));
            if (rule.device() != null) o.put("device", rule.device().toString());
            if (rule.remote() != null) o.put("remote", rule.remote() + "/" + rule.remoteLength());
            if (rule.asn() >= 0) o.put("asn", rule.asn());
            if (!rule.org().isEmpty()) o.put("org", rule.org());
            if (rule.port() >= 0) o.put("port", rule.port());
            if (rule.code() != null) o.put("code", rule.code().name());
        }
    }
}
