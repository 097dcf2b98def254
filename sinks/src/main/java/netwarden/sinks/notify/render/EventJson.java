package netwarden.sinks.notify.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.PortCount;
import netwarden.wire.BlockRules;
import netwarden.wire.SnapshotJson;
import netwarden.model.Times;
import netwarden.enrich.Enrichment;
import netwarden.sinks.notify.channel.Notice;

/**
 * The JSON body of the generic webhook and the script hook's stdin; docs/notify.md documents every
 * field. Version 1: fields may be added, never renamed or removed. Addresses follow the channel's
 * privacy setting. Thread-safe.
 */
public final class EventJson {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NoticeViews views;

    public EventJson(NoticeViews views) {
        this.views = views;
    }

    public byte[] bytes(Notice notice) {
        try {
            return MAPPER.writeValueAsString(tree(notice)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain nodes", e);
        }
    }

    public ObjectNode tree(Notice notice) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("type", switch (notice) {
            case Notice.EventNotice e -> "event";
            case Notice.DigestNotice d -> "digest";
            case Notice.TestNotice t -> "test";
        });
        root.put("kind", notice.kind());
        NoticeView view = views.view(notice);
        root.put("ts", Times.instant(notice.tsNanos()).toString());
        root.put("ts_nanos", notice.tsNanos());
        root.put("title", view.title());
        root.put("text", view.plainText());
        switch (notice) {
            case Notice.EventNotice e -> event(root, e);
            case Notice.DigestNotice d -> {
                ObjectNode digest = root.putObject("digest");
                digest.put("window_seconds", d.window().toSeconds());
                digest.put("total", d.total());
                ArrayNode lines = digest.putArray("lines");
                for (Notice.DigestLine l : d.lines()) lines.addObject().put("kind", l.kind()).put("service", l.service()).put("count", l.count());
            }
            case Notice.TestNotice t -> root.putObject("test").put("text", t.text());
        }
        return root;
    }

    private void event(ObjectNode root, Notice.EventNotice n) {
        Event event = n.event();
        root.put("service", event.service());
        if (n.serviceInfo() != null) {
            ObjectNode s = root.putObject("service_info");
            s.put("id", n.serviceInfo().id());
            s.put("name", n.serviceInfo().name());
            s.put("connect", n.serviceInfo().connect());
            if (n.serviceInfo().maxPlayers() != null) s.put("max_players", n.serviceInfo().maxPlayers());
        }
        switch (event) {
            case Event.PlayerJoined j -> player(root, j.player(), j.playersNow(), n.player());
            case Event.PlayerLeft l -> player(root, l.player(), l.playersNow(), n.player());
            case Event.ServiceDiscovered d -> root.putObject("discovered").put("key", d.key().toString()).put("id", d.key().id())
                    .put("distinct_sources", d.distinctSources());
            case Event.AttackStarted a -> incident(root, a.incident(), n);
            case Event.AttackUpdated a -> incident(root, a.incident(), n);
            case Event.AttackEnded a -> incident(root, a.incident(), n);
            case Event.ExternalAlert x -> {
                ObjectNode a = root.putObject("alert");
                a.put("name", x.name()).put("status", x.status()).put("severity", x.severity());
                x.labels().forEach(a.putObject("labels")::put);
                x.annotations().forEach(a.putObject("annotations")::put);
            }
            case Event.GameLogged g -> {
                ObjectNode o = root.putObject("game_log");
                o.put("action", g.action()).put("name", g.playerName()).put("detail", g.detail()).put("player_id", g.playerId());
                o.put("address", g.address() == null ? null : views.addresses().format(g.address()));
                if (g.player() != null) player(root, g.player(), -1, n.player());
            }
            case Event.QueryStatus q -> root.putObject("query").put("up", q.up()).put("reason", q.reason())
                    .put("players", q.players() < 0 ? null : q.players());
            case Event.Anomaly a -> {
                ObjectNode o = root.putObject("anomaly");
                o.put("device", views.addresses().format(a.anomaly().device())).put("code", a.anomaly().code().name())
                        .put("score", a.anomaly().score()).put("evidence", a.anomaly().evidence())
                        .put("remote", a.anomaly().remote() == null ? null : views.addresses().format(a.anomaly().remote()))
                        .put("port", a.anomaly().port() < 0 ? null : a.anomaly().port());
                deviceIncident(root, a.incident());
            }
            case Event.AnomalyIncidentEnded x -> deviceIncident(root, x.incident());
            case Event.RouterConnection c -> root.put("text", RouterViews.record(c, views.addresses()).description());
            case Event.RouterDns d -> root.put("text", RouterViews.record(d, views.addresses()).description());
            case Event.RouterFirewall w -> root.put("text", RouterViews.record(w, views.addresses()).description());
        }
    }

    private void deviceIncident(ObjectNode root, netwarden.model.router.DeviceIncident i) {
        ObjectNode o = root.putObject("device_incident");
        o.put("id", i.id()).put("device", views.addresses().format(i.device())).put("score", i.score())
                .put("start", Times.instant(i.startNanos()).toString()).put("end", i.open() ? null : Times.instant(i.endNanos()).toString())
                .put("hits", i.hits()).put("duplicates", i.duplicates());
        i.codes().forEach(o.putArray("codes")::add);
    }

    private void player(ObjectNode root, PlayerSnapshot p, int playersNow, Notice.PlayerInfo info) {
        ObjectNode o = root.putObject("player");
        o.put("address", views.addresses().format(p.address()));
        o.put("players_now", playersNow);
        o.put("joined", p.joinedNanos() == 0 ? null : Times.instant(p.joinedNanos()).toString());
        o.put("left", p.leftNanos() == 0 ? null : Times.instant(p.leftNanos()).toString());
        o.put("packets_in", p.packetsIn()).put("packets_out", p.packetsOut());
        if (info != null) {
            enrichment(o, info.enrichment());
            o.put("returning", info.returning());
        }
    }

    private void incident(ObjectNode root, Incident i, Notice.EventNotice n) {
        ObjectNode o = root.putObject("incident");
        o.put("id", i.id()).put("scope", i.scope().label()).put("target", i.target()).put("service", i.service())
                .put("kind", i.kind().label()).put("reason", i.reason()).put("severity", i.severity().label())
                .put("active", i.active()).put("start", Times.instant(i.startNanos()).toString())
                .put("end", i.active() ? null : Times.instant(i.endNanos()).toString())
                .put("current_pps", i.currentPps()).put("current_bps", i.currentBps())
                .put("peak_pps", i.peakPps()).put("peak_bps", i.peakBps())
                .put("packets", i.packets()).put("bytes", i.bytes()).put("sources", i.sources())
                .put("multi_source", i.multiSource()).put("spoofing_suspected", i.spoofingSuspected());
        ArrayNode top = o.putArray("top_sources");
        for (Notice.SourceInfo s : n.sources()) {
            ObjectNode t = top.addObject().put("address", views.addresses().format(s.address())).put("packets", s.packets()).put("bytes", s.bytes());
            enrichment(t, s.enrichment());
        }
        ArrayNode ports = o.putArray("top_source_ports");
        for (PortCount p : i.topSourcePorts()) ports.addObject().put("port", p.port()).put("packets", p.packets());
        o.putObject("other_traffic").put("packets", i.otherPackets()).put("bytes", i.otherBytes());
        if (views.addresses().full()) SnapshotJson.blockRules(o, views.blockRules(n));
    }

    private static void enrichment(ObjectNode o, Enrichment e) {
        if (e == null) return;
        o.put("country", e.country());
        o.put("asn", e.asn() == 0 ? null : e.asn());
        o.put("org", e.org());
        o.put("network", e.network() == null ? null : e.network().label());
        o.put("address_label", e.label());
        o.put("enrichment", e.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
