package netwarden.app.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.app.UsageException;
import netwarden.app.VersionProvider;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.run.GracefulStop;
import netwarden.app.run.HttpOptions;
import netwarden.model.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netwarden server}: the central netwarden of a fleet. No capture of its own; it stores what agents ship
 * and serves the API for all of them until SIGTERM/SIGINT. {@code add-agent} and {@code revoke-agent} manage
 * the agents file.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        subcommands = {ServerCommand.AddAgent.class, ServerCommand.RevokeAgent.class},
        description = {"Run the central server of a fleet of agents.",
            "No capture of its own (agents capture: netwarden agent).",
            "Receives batches over HTTPS (POST /api/v1/ingest, one token per agent) and/or from Kafka (--kafka), stores them",
            "exactly once in PostgreSQL (--store-url) or the embedded store (STATE_DIR/netwarden.duckdb), and serves the API",
            "for all agents: /api/v1/agents (freshness: stale after --stale-after without a heartbeat, gaps), /api/v1/events",
            "and the other history endpoints with ?agent=ID. Raises agent_stale/agent_back, agent_gap and the fleet rules",
            "(one attack source on several hosts, one player on many servers) as events and notifications.",
            "Agents: 'netwarden server add-agent ID' prints a new token; 'revoke-agent ID' refuses the agent (within seconds).",
            "API tokens: api.tokens or NETWARDEN_API_TOKEN (never accepted as an agent's). HTTPS/mTLS: --web-config. See docs/fleet.md."})
public final class ServerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);
    private final CliContext context;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (http, api, notify, enrich sections are used).")
    Path config;

    @Mixin
    HttpOptions http = new HttpOptions();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the embedded store and the agents file live (default: state.dir).")
    Path stateDir;

    @Option(names = "--store-url", paramLabel = "URL", defaultValue = "", description = "postgresql://user:password@host:port/db (default: the embedded store).")
    String storeUrl;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]", description = "Also consume batches from Kafka (consumer group --kafka-group).")
    String kafka;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", defaultValue = AgentSettings.DEFAULT_TOPIC, description = "Kafka topic (default ${DEFAULT-VALUE}).")
    String kafkaTopic;

    @Option(names = "--kafka-group", paramLabel = "GROUP", defaultValue = "netwarden-server", description = "Kafka consumer group (default ${DEFAULT-VALUE}).")
    String kafkaGroup;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "90s", description = "An agent silent this long is stale (default ${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--fleet-hosts", paramLabel = "N", defaultValue = "3", description = "Hosts or servers an address must reach for a fleet rule (default ${DEFAULT-VALUE}).")
    int fleetHosts;

    @Option(names = "--fleet-window", paramLabel = "DURATION", defaultValue = "1h", description = "How far back the fleet rules look (default ${DEFAULT-VALUE}).")
    Duration fleetWindow;

    public ServerCommand(CliContext context) {
        this.context = context;
    }

    NetwardenConfig effectiveConfig() {
        NetwardenConfig c = config == null ? context.configLoader().defaults() : context.configLoader().load(config);
        c = http.applyTo(c);
        if (stateDir != null) c = c.withStateDir(stateDir);
        return c;
    }

    @Override
    public Integer call() throws Exception {
        NetwardenConfig c = effectiveConfig();
        if (kafka != null && kafka.isBlank()) kafka = null; // --kafka= from an empty variable: HTTPS only
        ServerSettings s;
        try {
            s = new ServerSettings(storeUrl, c.state().dir().resolve(AgentsFile.NAME), kafka, kafkaTopic, kafkaGroup, staleAfter,
                    fleetHosts, fleetWindow, 50_000);
            if (!storeUrl.isEmpty() && !storeUrl.startsWith("postgresql://") && !storeUrl.startsWith("duckdb:"))
                throw new IllegalArgumentException("--store-url must be postgresql://user:password@host:port/db or duckdb:FILE: " + storeUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        FleetServer server = new FleetServer(c, s, Clock.SYSTEM);
        GracefulStop stop = GracefulStop.install(() -> {
            LOG.info("stopping");
            server.close();
            LOG.info("stopped");
        }, context.ownsProcess());
        try {
            server.start();
        } catch (Exception e) {
            try {
                stop.stop();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        LOG.info("netwarden {} server serving {}://{}:{} ({}; ingest /api/v1/ingest, /api/v1/agents, /metrics); store: {}; agents: {}{}",
                VersionProvider.version(), server.scheme(), c.http().listen().host(), server.port(), server.security(),
                storeUrl.isEmpty() ? c.state().dir().resolve("netwarden.duckdb") : "PostgreSQL", s.agentsFile(),
                kafka == null ? "" : "; Kafka " + kafka + " topic " + kafkaTopic + " group " + kafkaGroup);
        stop.awaitStopped();
        return ExitCodes.OK;
    }

    /** The agent and the server's state directory, which add-agent and revoke-agent both take. */
    static final class AgentArgs {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--state-dir", paramLabel = "DIR", required = true, description = "The server's state directory.") Path dir;

        Path file() {
            return dir.resolve(AgentsFile.NAME);
        }
    }

    /** {@code netwarden server add-agent ID}: a new token for the agent (printed once; only its hash is kept). */
    @Command(name = "add-agent", mixinStandardHelpOptions = true,
            description = {"Issue a token for agent ID (replacing an old one) in STATE_DIR/agents; prints the token once.",
                "Give it to the agent as --token-file or NETWARDEN_AGENT_TOKEN. A running server picks it up within seconds."})
    static final class AddAgent implements Callable<Integer> {
        @Mixin AgentArgs args = new AgentArgs();
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                spec.commandLine().getOut().println(AgentsFile.add(args.file(), args.id));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code netwarden server revoke-agent ID}: the agent is refused from now on (its rows stay). */
    @Command(name = "revoke-agent", mixinStandardHelpOptions = true,
            description = {"Revoke agent ID in STATE_DIR/agents: its batches are refused (403) from then on; its stored rows stay."})
    static final class RevokeAgent implements Callable<Integer> {
        @Mixin AgentArgs args = new AgentArgs();
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!AgentsFile.revoke(args.file(), args.id)) {
                spec.commandLine().getErr().println("netwarden server revoke-agent: no such agent: " + args.id);
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }
}
