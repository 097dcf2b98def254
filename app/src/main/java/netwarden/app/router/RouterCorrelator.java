package netwarden.app.router;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import netwarden.decode.netlink.ConntrackCounters;
import netwarden.decode.netlink.ConntrackMessage;
import netwarden.decode.netlink.ConntrackTuple;
import netwarden.engine.router.AnomalyHit;
import netwarden.engine.router.AnomalyIncidents;
import netwarden.engine.router.ConnectionSample;
import netwarden.engine.router.RouterRule;
import netwarden.engine.router.RouterRules;
import netwarden.engine.router.RouterScorer;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.router.Connection;
import netwarden.model.router.DeviceIncident;
import netwarden.sources.router.ConntrackEvent;
import netwarden.sources.router.DeviceTable;
import netwarden.sources.router.NflogEvent;
import netwarden.sources.router.RouterConfig;
import netwarden.sources.router.dns.DnsEvent;
import netwarden.sources.router.dns.DnsLogEntry;
import netwarden.sources.router.dns.DomainMap;

/**
 * Turns what the router sources saw into events: a finished connection with its device, counters each way and
 * domain; DNS entries per device; firewall records; and the anomaly hits of scoring, allowlisted, suppressed and
 * grouped into incidents.
 *
 * <p>Design notes: single-threaded (the station's thread) and driven by the times the sources stamped. A
 * connection is scored when it begins (conntrack NEW: its novelty, port-scan bursts) and its egress is counted
 * when it ends (DESTROY, with the counters). Connections are tracked by conntrack id from NEW (or a re-sync dump)
 * to DESTROY, at most {@code maxOpen}; after a re-sync, those the dump did not list ended while events were being
 * lost and are let go (counted, not stored: their counters are unknown). A device with an open incident has its
 * baselines paused. The rules in force are swapped whole ({@link #rules}).
 */
final class RouterCorrelator {
    private record Open(Ip device, Ip remote, long firstNanos, int generation) {}

    private final RouterConfig config;
    private final DeviceTable devices;
    private final DomainMap domains;
    private final RouterScorer scorer;
    private final AnomalyIncidents incidents;
    private final Consumer<Event> out;
    private final StationCounters counters;
    private final int maxOpen;
    private final Map<Long, Open> open = new HashMap<>();
    private int generation;
    private boolean dumping;
    private volatile int openCount;
    private List<RouterRule> ruleList = List.of();
    private RouterRules rules = new RouterRules(List.of());
    private long suppressedBefore;

    /** @param scorer null when scoring is off */
    RouterCorrelator(RouterConfig config, DeviceTable devices, DomainMap domains, RouterScorer scorer, AnomalyIncidents incidents,
                     int maxOpen, StationCounters counters, Consumer<Event> out) {
        this.config = config;
        this.devices = devices;
        this.domains = domains;
        this.scorer = scorer;
        this.incidents = incidents;
        this.maxOpen = maxOpen;
        this.counters = counters;
        this.out = out;
    }

    /** Puts {@code list} in force (a new list object each time the user edits them). */
    void rules(List<RouterRule> list) {
        if (list == ruleList) return;
        suppressedBefore += rules.suppressed();
        ruleList = list;
        rules = new RouterRules(list);
    }

    long suppressed() {
        return suppressedBefore + rules.suppressed();
    }

    /** Connections being tracked (readable from any thread: published after each record). */
    int openConnections() {
        return openCount;
    }

    void conntrack(ConntrackEvent e) {
        track(e);
        openCount = open.size();
    }

    private void track(ConntrackEvent e) {
        ConntrackMessage m = e.message();
        ConntrackTuple t = m.orig();
        if (t == null) return;
        Ip src = Ip.of(t.src().getAddress()), dst = Ip.of(t.dst().getAddress());
        boolean outbound = config.isLan(t.src());
        if (!outbound && !config.isLan(t.dst())) {
            counters.event("conntrack_not_lan");
            return;
        }
        Ip device = outbound ? src : dst, remote = outbound ? dst : src;
        int port = outbound ? t.dstPort() : t.srcPort();
        Instant time = e.time();
        long nanos = nanos(time);
        long key = m.id() >= 0 ? m.id() : (t.toString().hashCode() & 0xffffffffL) | (1L << 40);
        devices.seen(device, time);
        if (e.resync()) {
            if (!dumping) { // the dump's first entry: a new generation of what is known to be alive
                dumping = true;
                generation++;
            }
            open.compute(key, (k, o) -> o == null ? new Open(device, remote, nanos, generation)
                    : new Open(o.device(), o.remote(), o.firstNanos(), generation));
            return;
        }
        switch (m.kind()) {
            case NEW -> {
                if (open.size() < maxOpen) open.put(key, new Open(device, remote, nanos, generation));
                else counters.event("connection_untracked");
                score(new ConnectionSample(time, device, remote, t.proto(), port, 0, -1));
            }
            case UPDATE -> open.computeIfPresent(key, (k, o) -> new Open(o.device(), o.remote(), o.firstNanos(), generation));
            case DESTROY -> {
                Open o = open.remove(key);
                ConntrackCounters orig = m.origCounters(), reply = m.replyCounters();
                ConntrackCounters egress = outbound ? orig : reply, ingress = outbound ? reply : orig;
                long bytesOut = egress == null ? 0 : egress.bytes(), bytesIn = ingress == null ? 0 : ingress.bytes();
                out.accept(new Event.RouterConnection(nanos, Event.ROUTER, new Connection(device, remote, t.proto(), port,
                        egress == null ? 0 : egress.packets(), bytesOut, ingress == null ? 0 : ingress.packets(), bytesIn,
                        domains.domain(remote, time), o == null ? nanos : o.firstNanos(), nanos)));
                counters.event("connection");
                if (scorer != null && bytesOut > 0) hits(scorer.egress(device, time, bytesOut), -1, null);
            }
        }
    }

    /** The re-sync dump ended: connections it did not list ended unseen. */
    void resynced() {
        if (!dumping) generation++; // an empty dump: nothing older is alive
        dumping = false;
        int before = open.size();
        open.values().removeIf(o -> o.generation() != generation);
        counters.add("connection_lost", before - open.size());
        openCount = open.size();
    }

    void nflog(NflogEvent e) {
        if (e.src() == null) {
            counters.event("nflog_not_ip");
            return;
        }
        boolean fromLan = config.isLan(e.src().toInetAddress());
        Ip device = fromLan || !config.isLan(e.dst().toInetAddress()) ? e.src() : e.dst();
        Ip remote = device == e.src() ? e.dst() : e.src();
        int port = device == e.src() ? e.dstPort() : e.srcPort();
        String action = e.action().name().toLowerCase(Locale.ROOT);
        devices.seen(device, e.mac(), e.time());
        out.accept(new Event.RouterFirewall(nanos(e.time()), Event.ROUTER, action, e.prefix(), e.group(), device, e.mac(), remote,
                e.proto(), port, e.length()));
        if (scorer != null && e.action() == RouterConfig.NflogGroup.Action.DROP && config.isLan(device.toInetAddress()))
            hits(scorer.drop(device, e.time()), -1, null);
    }

    void dns(DnsEvent e) {
        DnsLogEntry d = e.entry();
        Ip device = null;
        if (!d.client().isEmpty()) {
            try {
                device = Ip.parse(d.client());
            } catch (IllegalArgumentException bad) {
                counters.event("dns_bad_client");
            }
        }
        if (device != null) devices.seen(device, e.time());
        out.accept(new Event.RouterDns(nanos(e.time()), Event.ROUTER, device, d.kind().name().toLowerCase(Locale.ROOT), d.name(),
                d.qtype().isEmpty() ? null : d.qtype(), d.answer().isEmpty() ? null : d.answer()));
    }

    /** Once a second: the devices' closed minutes (baseline hits) and the incidents that went quiet. */
    void tick(Instant now) {
        if (scorer == null) return;
        hits(scorer.tick(now), -1, null);
        for (DeviceIncident ended : incidents.tick(now)) {
            scorer.pause(ended.device(), false);
            counters.event("incident_ended");
            out.accept(new Event.AnomalyIncidentEnded(ended.endNanos(), Event.ROUTER, ended));
        }
    }

    private void score(ConnectionSample s) {
        if (scorer == null || !config.isLan(s.device().toInetAddress())) return;
        List<AnomalyHit> hits = rules.score(scorer, s, null);
        emit(hits);
    }

    private void hits(List<AnomalyHit> hits, long asn, String org) {
        emit(rules.filter(hits, asn, org));
    }

    private void emit(List<AnomalyHit> hits) {
        for (AnomalyHit h : hits) {
            AnomalyIncidents.Outcome o = incidents.hit(h);
            if (o.duplicate()) {
                counters.event("hit_duplicate");
                continue;
            }
            counters.event("hit");
            if (o.incident().hits() == 1) counters.event("incident_opened");
            scorer.pause(h.device(), true);
            out.accept(new Event.Anomaly(nanos(h.time()), Event.ROUTER, h.anomaly(), o.incident()));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
