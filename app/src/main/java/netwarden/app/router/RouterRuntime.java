package netwarden.app.router;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.app.config.RouterSettings;
import netwarden.engine.router.AnomalyIncidents;
import netwarden.engine.router.RouterScorer;
import netwarden.model.EventListener;
import netwarden.sources.router.ConntrackSource;
import netwarden.sources.router.DeviceTable;
import netwarden.sources.router.NflogSource;
import netwarden.sources.router.RouterCounters;
import netwarden.sources.router.RouterMetrics;
import netwarden.sources.router.dns.DnsmasqSource;
import netwarden.sources.router.dns.DomainMap;
import netwarden.sources.router.dns.NameHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router profile in {@code run}: conntrack, NFLOG and the dnsmasq log tail (each optional, each one WARN
 * line when it cannot start) feeding the {@link RouterStation}, whose events go to the one event router (store,
 * notifications, log). Inert until {@link #start}; {@link #close()} stops the sources first, then the station.
 * State in {@code <state.dir>/router/}: the learned baselines and the API's rules.
 */
public final class RouterRuntime implements AutoCloseable {
    /** Inputs waiting for the station: a second of 100 k events. */
    static final int QUEUE = 131_072;
    static final int MAX_OPEN_CONNECTIONS = 1 << 20;
    static final String DIR = "router";
    private static final Logger LOG = LoggerFactory.getLogger(RouterRuntime.class);

    private final RouterSettings settings;
    private final Clock clock;
    private final DeviceTable devices;
    private final DomainMap domains;
    private final RouterRuleBook rules;
    private final StationCounters counters = new StationCounters();
    private final RouterStation station;
    private final List<RouterCounters> sourceCounters = new ArrayList<>();
    private ConntrackSource conntrack;
    private NflogSource nflog;
    private DnsmasqSource dnsmasq;

    public RouterRuntime(RouterSettings settings, Path stateDir, EventListener events, Clock clock, Duration saveEvery) {
        this.settings = settings;
        this.clock = clock;
        this.devices = new DeviceTable(settings.sources(), settings.devices());
        Path dir = stateDir.resolve(DIR);
        this.rules = new RouterRuleBook(settings.rules(), dir.resolve("rules.json"));
        DomainMap domains = new DomainMap(settings.domainMapSize(), settings.domainMapTtl());
        RouterScorer scorer = settings.scoring() == null ? null : new RouterScorer(settings.scoring());
        var correlator = new RouterCorrelator(settings.sources(), devices, domains, scorer, new AnomalyIncidents(settings.incidentQuiet()),
                MAX_OPEN_CONNECTIONS, counters, events::onEvent);
        this.station = new RouterStation(correlator, scorer, new RouterBaselineFile(dir.resolve("baselines.json")), rules::rules,
                counters, clock, saveEvery, QUEUE);
        this.domains = domains;
    }

    /** The rules (config and API) for the API's rule endpoints. */
    RouterRuleBook rules() {
        return rules;
    }

    /** Registers the router metrics, starts the station, then each configured source. */
    public synchronized void start(PrometheusRegistry registry) throws InterruptedException {
        rules.load();
        station.start();
        var c = settings.sources();
        var running = new ArrayList<String>();
        if (c.conntrack()) {
            conntrack = new ConntrackSource(c, clock, station::offer);
            conntrack.onResynced(station::resynced);
            sourceCounters.add(conntrack.counters());
            if (conntrack.start()) running.add("conntrack");
        }
        if (!c.nflogGroups().isEmpty()) {
            nflog = new NflogSource(c, clock, station::offer);
            sourceCounters.add(nflog.counters());
            if (nflog.start()) running.add("nflog " + c.nflogGroups());
        }
        if (c.dnsmasqLog() != null) {
            NameHasher names = c.hashNames() ? NameHasher.salted(c.hashSalt()) : NameHasher.plain();
            dnsmasq = new DnsmasqSource(c.dnsmasqLog(), settings.dnsBookmark(), names, domains, clock, settings.dnsPoll(), station::offer);
            sourceCounters.add(dnsmasq.counters());
            dnsmasq.start();
            running.add("dnsmasq log " + c.dnsmasqLog());
        }
        register(registry);
        LOG.info("router profile: LAN {}, sources running: {}, anomaly scoring {}", c.lan(), running.isEmpty() ? "none" : String.join(", ", running),
                settings.scoring() == null ? "off" : "on");
    }

    private void register(PrometheusRegistry registry) {
        RouterMetrics.register(registry, sourceCounters);
        registry.register(CounterWithCallback.builder().name("netwarden_router_station_total")
                .help("What the router station did, by kind: connection, hit, hit_duplicate, incident_opened, incident_ended, queue_full,"
                        + " connection_untracked, connection_lost, conntrack_not_lan, failed.")
                .labelNames("kind").callback(cb -> counters.snapshot().forEach((k, n) -> cb.call(n, k))).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_router_station_queue_depth")
                .help("Router inputs waiting for the station.").callback(cb -> cb.call(station.queued())).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_router_open_connections")
                .help("Conntrack connections tracked from NEW (or a re-sync dump) until DESTROY.")
                .callback(cb -> cb.call(station.openConnections())).build());
        registry.register(GaugeWithCallback.builder().name("netwarden_router_devices")
                .help("LAN devices known since start.").callback(cb -> cb.call(devices.devices().size())).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_devices_refused_total")
                .help("New LAN addresses refused because the device table was full (router.devices).")
                .callback(cb -> cb.call(devices.refused())).build());
        registry.register(CounterWithCallback.builder().name("netwarden_router_dns_map_evicted_total")
                .help("Address-to-domain answers pushed out by router.dns.map-size.")
                .callback(cb -> cb.call(domains.evicted())).build());
    }

    /** Stops the sources (so nothing new arrives), then lets the station finish its queue and save its baselines. */
    @Override
    public synchronized void close() {
        try {
            if (conntrack != null) conntrack.close();
            if (nflog != null) nflog.close();
            if (dnsmasq != null) dnsmasq.close();
            station.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            LOG.warn("router: closing the dnsmasq log: {}", e.toString());
            try {
                station.close();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
