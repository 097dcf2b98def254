package netwarden.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.PortCount;
import netwarden.model.SourceCount;

/**
 * Maps what the event router delivers to rows: every event to an event row; joins and leaves also to the
 * player's session; attack events also to the incident, its top sources and ports; the router's events to
 * their own tables ({@link RouterEventRows}; connections, DNS and firewall records make no event row). Country, ASN and flags
 * come from the injected lookup. Pure apart from the lookup.
 */
public final class EventRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String agent;
    private final AddressInfo.Lookup lookup;
    private final RouterEventRows router;

    public EventRows(String agent, AddressInfo.Lookup lookup) {
        this.agent = agent;
        this.lookup = lookup;
        this.router = new RouterEventRows(agent, lookup);
    }

    public void add(Event e, BatchBuilder out) {
        long ms = e.tsNanos() / 1_000_000;
        switch (e) {
            case Event.PlayerJoined j -> player(e, j.player(), j.playersNow(), out);
            case Event.PlayerLeft l -> player(e, l.player(), l.playersNow(), out);
            case Event.ServiceDiscovered d -> out.event(row(ms, e, null, AddressInfo.UNKNOWN, null,
                    detail("key", d.key().toString(), "distinct_sources", d.distinctSources())));
            case Event.AttackStarted a -> attack(e, a.incident(), out);
            case Event.AttackUpdated a -> attack(e, a.incident(), out);
            case Event.AttackEnded a -> attack(e, a.incident(), out);
            case Event.ExternalAlert x -> out.event(row(ms, e, null, AddressInfo.UNKNOWN, null,
                    detail("name", x.name(), "status", x.status(), "severity", x.severity(), "labels", x.labels(),
                            "annotations", x.annotations())));
            case Event.GameLogged g -> out.event(row(ms, e, g.address() == null ? null : g.address().toString(),
                    g.address() == null ? AddressInfo.UNKNOWN : lookup.of(g.address()), null,
                    detail("action", g.action(), "name", g.playerName(), "detail", g.detail())));
            case Event.QueryStatus q -> out.event(row(ms, e, null, AddressInfo.UNKNOWN, null,
                    detail("up", q.up(), "reason", q.reason(), "players", q.players())));
            case Event.RouterConnection c -> router.connection(c, out);
            case Event.RouterDns d -> router.dns(d, out);
            case Event.RouterFirewall f -> router.firewall(f, out);
            case Event.Anomaly a -> {
                out.event(row(ms, e, a.anomaly().device().toString(), AddressInfo.UNKNOWN, a.incident().id(),
                        detail("code", a.anomaly().code().name(), "score", a.anomaly().score(), "evidence", a.anomaly().evidence())));
                router.anomaly(a, out);
            }
            case Event.AnomalyIncidentEnded x -> {
                out.event(row(ms, e, x.incident().device().toString(), AddressInfo.UNKNOWN, x.incident().id(),
                        detail("codes", x.incident().codes(), "hits", x.incident().hits(), "duplicates", x.incident().duplicates())));
                router.ended(x, out);
            }
        }
    }

    /** A notification that was sent or dropped ({@code outcome} "sent", "failed" or "dropped"). */
    public Rows.Event notification(long tsMs, String service, String channel, String eventKind, String outcome) {
        return new Rows.Event(agent, tsMs, "notification_" + outcome, service, null, null, 0, null, null,
                detail("channel", channel, "event", eventKind));
    }

    private void player(Event e, PlayerSnapshot p, int playersNow, BatchBuilder out) {
        AddressInfo info = lookup.of(p.address());
        String address = p.address().toString();
        out.event(row(e.tsNanos() / 1_000_000, e, address, info, null, detail("players_now", playersNow,
                "packets_in", p.packetsIn(), "packets_out", p.packetsOut())));
        out.session(session(p, address, info));
    }

    /**
     * A player's session as it stands (a player still online, taken from a snapshot, so its numbers keep up
     * between its join and its leave); enrichment the lookup does not know yet leaves the stored one in place.
     */
    public void session(PlayerSnapshot p, BatchBuilder out) {
        out.session(session(p, p.address().toString(), lookup.of(p.address())));
    }

    private Rows.Session session(PlayerSnapshot p, String address, AddressInfo info) {
        return new Rows.Session(agent, p.service(), address, p.firstSeenNanos() / 1_000_000,
                p.lastSeenNanos() / 1_000_000, p.leftNanos() / 1_000_000, p.packetsIn(), p.packetsOut(), p.bytesIn(),
                p.bytesOut(), info.country(), info.asn(), info.flags(), null);
    }

    private void attack(Event e, Incident i, BatchBuilder out) {
        long ms = e.tsNanos() / 1_000_000;
        out.event(row(ms, e, null, AddressInfo.UNKNOWN, i.id(), detail("kind", i.kind().label(), "severity", i.severity().name(),
                "reason", i.reason(), "current_pps", i.currentPps(), "current_bps", i.currentBps(),
                "peak_pps", i.peakPps(), "peak_bps", i.peakBps(), "sources", i.sources(),
                "top_sources", i.topSources().stream().map(s -> s.address().toString()).toList())));
        out.incident(new Rows.Incident(agent, i.id(), i.scope().label(), i.target(), i.service(), i.kind().label(),
                i.severity().name().toLowerCase(java.util.Locale.ROOT), i.reason(), i.startNanos() / 1_000_000,
                i.endNanos() / 1_000_000, ms, i.peakPps(), i.peakBps(), i.packets(), i.bytes(), i.sources(),
                i.multiSource(), i.spoofingSuspected(), sourcesJson(i.topSources()), portsJson(i.topSourcePorts()),
                null, 0, null));
        for (SourceCount s : i.topSources()) {
            AddressInfo info = lookup.of(s.address());
            out.incidentSource(new Rows.IncidentSource(agent, i.id(), s.address().toString(), info.country(), info.asn(),
                    s.packets(), s.bytes()));
        }
        for (PortCount p : i.topSourcePorts()) out.incidentPort(new Rows.IncidentPort(agent, i.id(), p.port(), p.packets()));
    }

    private Rows.Event row(long ms, Event e, String address, AddressInfo info, String incidentId, String detail) {
        return new Rows.Event(agent, ms, e.kind(), e.service(), address, info.country(), info.asn(), info.flags(),
                incidentId, detail);
    }

    private static String sourcesJson(List<SourceCount> sources) {
        return json(sources.stream().map(s -> Map.of("address", s.address().toString(), "packets", s.packets(),
                "bytes", s.bytes())).toList());
    }

    private static String portsJson(List<PortCount> ports) {
        return json(ports.stream().map(p -> Map.of("port", p.port(), "packets", p.packets())).toList());
    }

    private static String detail(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return json(m);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
