package netwarden.sinks.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.PortCount;
import netwarden.model.ScopeKind;
import netwarden.model.AttackKind;
import netwarden.model.Severity;
import netwarden.model.SourceCount;
import netwarden.enrich.Enrichment;
import netwarden.enrich.NetworkKind;
import netwarden.sinks.notify.channel.Notice;

/** Events and notices for notifier tests, with distinct values so a test can tell them apart. */
public final class NotifyFixtures {
    public static final long T0 = 1_800_000_000_000_000_000L;

    private NotifyFixtures() {}

    public static PlayerSnapshot player(String service, String ip, long joined, long left) {
        return new PlayerSnapshot(service, Ip.parse(ip), joined - 5_000_000_000L, left == 0 ? joined : left, 500, 450, 32000, 36000, joined, left);
    }

    public static Event.PlayerJoined joined(String service, String ip, long ts) {
        return new Event.PlayerJoined(ts, service, player(service, ip, ts, 0), 3);
    }

    public static Event.PlayerLeft left(String service, String ip, long ts) {
        return new Event.PlayerLeft(ts, service, player(service, ip, ts - 754_000_000_000L, ts), 2);
    }

    public static Incident incident(String service, Severity severity, String reason, List<SourceCount> sources, boolean active) {
        return new Incident("service:" + service + ":1800000000", ScopeKind.SERVICE, service, service, AttackKind.UDP_FLOOD, reason, severity,
                T0, active ? 0 : T0 + 95_000_000_000L, 1_250_000, 1_000_000_000L, 2_500_000, 2_000_000_000L, 90_000_000, 9_000_000_000L,
                4_321, true, true, sources, List.of(new PortCount(53, 1000)), List.of());
    }

    public static Event.AttackStarted attack(String service, Severity severity, long ts) {
        return new Event.AttackStarted(ts, service, incident(service, severity, "pps 1250000 > threshold 50000 for 3 s",
                List.of(new SourceCount(Ip.parse("198.51.100.7"), 900_000, 90_000_000)), true));
    }

    public static Event.ExternalAlert alert(String name, String severity, long ts, int labels, int annotationChars) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("alertname", name);
        l.put("severity", severity);
        for (int i = 0; i < labels; i++) l.put("label" + i, "value-" + "x".repeat(40));
        return new Event.ExternalAlert(ts, name, name, "firing", severity, l,
                Map.of("summary", "summary of " + name + " " + "s".repeat(annotationChars), "description", "d".repeat(annotationChars)));
    }

    public static Notice.EventNotice notice(Event e) {
        Notice.PlayerInfo p = switch (e) {
            case Event.PlayerJoined j -> new Notice.PlayerInfo(j.player().address(),
                    new Enrichment(Enrichment.Status.RESOLVED, "AU", 13335, "Cloudflare, Inc.", NetworkKind.HOSTING, null), true);
            case Event.PlayerLeft l -> new Notice.PlayerInfo(l.player().address(), Enrichment.UNAVAILABLE, false);
            default -> null;
        };
        List<Notice.SourceInfo> sources = new ArrayList<>();
        if (e instanceof Event.AttackStarted a)
            for (SourceCount s : a.incident().topSources()) sources.add(new Notice.SourceInfo(s.address(), s.packets(), s.bytes(), Enrichment.UNAVAILABLE));
        return new Notice.EventNotice(e, p, new Notice.ServiceInfo(e.service(), e.service(), "connect play.example.org:27960", 16), sources);
    }
}
