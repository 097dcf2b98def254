package netwarden.app.run;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netwarden.app.config.GameSettings;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.EventListener;
import netwarden.model.GameView;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;
import netwarden.model.ingest.OwnEndpoint;
import netwarden.model.ingest.ServiceRegistry;
import netwarden.sources.docker.DockerDiscovery;
import netwarden.sources.gamelog.GameLogTail;
import netwarden.sources.query.QueryConfig;
import netwarden.sources.query.QueryPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game servers' own voices in {@code run}: one {@link QueryPoller} per service with a query, Docker
 * discovery adding and removing services on the engine ({@link DockerServices}), and the players log
 * tail ({@link GameLogEvents}). Their events go to the event router; what they know is published as an
 * immutable {@link GameView} joined into the API at serve time.
 *
 * <p>Inert until {@link #start}; a source that cannot start (a query port not bindable) is logged and
 * the others go on. The pollers' own conversations are registered with the engine so its queries are
 * never a player or a source.
 */
final class GameSources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameSources.class);

    private final GameSettings settings;
    private final List<ServiceSpec> configured;
    private final EventListener events;
    private final Supplier<EngineSnapshot> snapshots;
    private final Clock clock;
    private final GameState state = new GameState();
    private final List<QueryPoller> pollers = new ArrayList<>();
    private volatile List<QueryPoller> started = List.of(); // read by scrapes
    private final Map<QueryPoller, OwnEndpoint> own = new HashMap<>();
    private ServiceRegistry registry;
    private volatile DockerDiscovery docker;       // the three read by scrapes
    private volatile DockerServices dockerServices;
    private volatile GameLogTail tail;

    GameSources(GameSettings settings, List<ServiceSpec> configured, EventListener events, Supplier<EngineSnapshot> snapshots, Clock clock) {
        this.settings = settings;
        this.configured = List.copyOf(configured);
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** What the games say now; thread-safe. */
    Supplier<GameView> view() {
        return state::view;
    }

    List<QueryPoller> pollers() {
        return started;
    }

    DockerDiscovery docker() {
        return docker;
    }

    /** Null when Docker discovery is off. */
    DockerServices dockerServices() {
        return dockerServices;
    }

    GameLogTail tail() {
        return tail;
    }

    synchronized void start(ServiceRegistry engine) {
        this.registry = engine;
        for (QueryConfig q : settings.queries()) {
            state.expect(q.service(), q.protocol().configName());
            QueryPoller p = new QueryPoller(q, new QueryEvents(state, events), clock);
            try {
                p.open();
                OwnEndpoint e = ownEndpoint(p);
                if (e != null) {
                    engine.addOwnEndpoint(e);
                    own.put(p, e);
                }
                p.start();
                pollers.add(p);
            } catch (IOException | RuntimeException e) {
                LOG.warn("game query for {} cannot start: {}", q.service(), e.toString());
                p.close();
            }
        }
        started = List.copyOf(pollers);
        if (settings.docker() != null) {
            dockerServices = new DockerServices(engine, settings.dockerAddress(), configured);
            docker = new DockerDiscovery(settings.docker(), dockerServices);
            docker.start();
        }
        if (settings.gamelog() != null) {
            tail = new GameLogTail(settings.gamelog(), new GameLogEvents(settings.gamelogService(), state, events, snapshots), clock);
            tail.start();
        }
    }

    private static OwnEndpoint ownEndpoint(QueryPoller p) {
        QueryConfig c = p.config();
        try {
            Ip remote = Ip.of(InetAddress.getByName(c.host()).getAddress());
            int proto = "tcp".equals(c.protocol().transport()) ? Proto.TCP : Proto.UDP;
            return new OwnEndpoint(proto, p.localAddress().getPort(), remote, c.port());
        } catch (IOException e) {
            LOG.warn("game query for {}: {} does not resolve; its packets may count as traffic", c.service(), c.host());
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (tail != null) tail.close();
        if (docker != null) docker.close();
        for (QueryPoller p : pollers) {
            p.close();
            OwnEndpoint e = own.remove(p);
            if (e != null && registry != null) registry.removeOwnEndpoint(e);
        }
        pollers.clear();
        started = List.of();
    }
}
