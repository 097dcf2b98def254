package netwarden.sinks.notify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import netwarden.model.ConnectStrings;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.enrich.Enricher;
import netwarden.enrich.Enrichment;
import netwarden.enrich.GeoMetrics;
import netwarden.enrich.SeenAddresses;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.config.NotifyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Notice} for an event on the router thread: enriches players and attack sources
 * (waiting for the lookup is fine here), marks returning players, counts VPN joins, looks the
 * service up in the latest snapshot (name, connect string without passwords), and removes every
 * address the snapshot knows as a player from attack-source lists (incidents already exclude
 * players; this is the second line of defence).
 */
final class NoticeFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeFactory.class);

    private final NotifyConfig config;
    private final Enricher enricher;
    private final SeenAddresses seen;
    private final GeoMetrics geo;
    private final Supplier<EngineSnapshot> snapshots;
    private boolean seenFailureLogged;

    NoticeFactory(NotifyConfig config, Enricher enricher, SeenAddresses seen, GeoMetrics geo, Supplier<EngineSnapshot> snapshots) {
        this.config = config;
        this.enricher = enricher;
        this.seen = seen;
        this.geo = geo;
        this.snapshots = snapshots;
    }

    Notice.EventNotice build(Event e) {
        EngineSnapshot snap = snapshot();
        Notice.ServiceInfo service = service(snap, e.service());
        return switch (e) {
            case Event.PlayerJoined j -> new Notice.EventNotice(e, joined(j.player().address()), service, List.of());
            case Event.PlayerLeft l -> new Notice.EventNotice(e, new Notice.PlayerInfo(l.player().address(),
                    enricher.resolve(l.player().address()), false), service, List.of());
            case Event.AttackStarted a -> new Notice.EventNotice(e, null, service, sources(a.incident(), snap));
            case Event.AttackUpdated a -> new Notice.EventNotice(e, null, service, sources(a.incident(), snap));
            case Event.AttackEnded a -> new Notice.EventNotice(e, null, service, sources(a.incident(), snap));
            // A join from the game's own log: its address is enriched like a traffic join (name and country in the notice).
            case Event.GameLogged g when g.address() != null && "join".equals(g.action()) ->
                    new Notice.EventNotice(e, new Notice.PlayerInfo(g.address(), enricher.resolve(g.address()), false), service, List.of());
            default -> new Notice.EventNotice(e, null, service, List.of());
        };
    }

    private Notice.PlayerInfo joined(Ip address) {
        Enrichment enrichment = enricher.resolve(address);
        if (geo != null) geo.countJoin(enrichment);
        boolean returning = false;
        if (seen != null) {
            try {
                returning = seen.seenBefore(address);
            } catch (IOException ex) {
                if (!seenFailureLogged) LOG.warn("cannot record returning players: {}", ex.getMessage());
                seenFailureLogged = true;
            }
        }
        return new Notice.PlayerInfo(address, enrichment, returning);
    }

    private List<Notice.SourceInfo> sources(Incident incident, EngineSnapshot snap) {
        Set<Ip> players = new HashSet<>();
        for (PlayerSnapshot p : snap.players()) players.add(p.address());
        List<Notice.SourceInfo> out = new ArrayList<>();
        for (SourceCount s : incident.topSources()) {
            if (players.contains(s.address())) continue;
            out.add(new Notice.SourceInfo(s.address(), s.packets(), s.bytes(), enricher.resolve(s.address())));
        }
        return out;
    }

    private Notice.ServiceInfo service(EngineSnapshot snap, String id) {
        ServiceSnapshot s = snap.service(id);
        Integer max = config.maxPlayers().get(id);
        if (s == null) return new Notice.ServiceInfo(id, id, null, max);
        String name = s.name() != null && !s.name().isBlank() ? s.name() : id;
        return new Notice.ServiceInfo(id, name, ConnectStrings.withoutSecrets(s.connect()), max);
    }

    private EngineSnapshot snapshot() {
        EngineSnapshot s = snapshots == null ? null : snapshots.get();
        return s == null ? EngineSnapshot.EMPTY : s;
    }
}
