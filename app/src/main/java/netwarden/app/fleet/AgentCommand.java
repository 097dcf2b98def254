package netwarden.app.fleet;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import netwarden.app.CliContext;
import netwarden.app.UsageException;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.history.History;
import netwarden.app.run.LiveRuntime;
import netwarden.app.run.PacketFeed;
import netwarden.app.run.RunCommand;
import netwarden.model.Clock;
import netwarden.ship.format.ShipBatch;
import netwarden.store.AddressInfo;
import netwarden.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netwarden agent}: {@code run} with its sources, engine, detection and notifications all local (alerts
 * never wait for the network), whose store rows — events, incidents, sessions, rollups, per-source summaries —
 * are shipped to a central {@code netwarden server} through an on-disk spool, over HTTPS (default) or Kafka,
 * instead of (or with {@code --local-store} as well as) a local store.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run the live pipeline, shipping its history to a server.",
            "Sources, engine, detection and notifications stay local; the rows a store would keep (events, incidents,",
            "sessions, rollups, per-source summaries) go to an on-disk spool (bounded, fsynced every second, files 0600)",
            "and on to the server over HTTPS (POST /api/v1/ingest, retried forever with backoff) or Kafka (--kafka).",
            "Token: --token-file or NETWARDEN_AGENT_TOKEN (the server issues it: netwarden server add-agent ID).",
            "Plain http:// only to a loopback server. Every run option (--pcap, --capture, --config, --listen, ...) applies.",
            "See docs/fleet.md."})
public final class AgentCommand extends RunCommand {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "The central server, e.g. https://netwarden.example.org:9430.")
    URI server;

    @Option(names = "--agent-id", required = true, paramLabel = "ID", description = "This agent's id: 1..64 of A-Z a-z 0-9 . _ -")
    String agentId;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the agent token (else NETWARDEN_AGENT_TOKEN).")
    Path tokenFile;

    @Option(names = "--spool-dir", paramLabel = "DIR", description = "The spool (default: STATE_DIR/spool).")
    Path spoolDir;

    @Option(names = "--spool-max", paramLabel = "SIZE", defaultValue = "256m", description = "Spool bound, e.g. 512k, 256m, 2g (default ${DEFAULT-VALUE}); beyond it the oldest rows are evicted and counted.")
    String spoolMax;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]", description = "Produce to Kafka (bootstrap servers) instead of HTTPS.")
    String kafka;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", defaultValue = AgentSettings.DEFAULT_TOPIC, description = "Kafka topic (default ${DEFAULT-VALUE}).")
    String kafkaTopic;

    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "15s", description = "Heartbeat interval (default ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA the server certificate must chain to (tls init's ca.pem).")
    Path caFile;

    @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate for mTLS (with --client-key).")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "PEM key of --client-cert.")
    Path clientKey;

    @Option(names = "--local-store", description = "Also keep the local store and its history API.")
    boolean localStore;

    public AgentCommand(CliContext context) {
        super(context);
    }

    @Override
    protected LiveRuntime runtime(NetwardenConfig effective, PacketFeed feed) throws IOException {
        AgentSettings s = settings(effective.state().dir());
        return new LiveRuntime(effective, feed, localStore, new AgentShipping(s, Clock.SYSTEM));
    }

    AgentSettings settings(Path stateDir) throws IOException {
        if (kafka != null && kafka.isBlank()) kafka = null;
        if (!ShipBatch.validAgentId(agentId)) throw new UsageException("--agent-id must be 1..64 of A-Z a-z 0-9 . _ -: " + agentId);
        long maxBytes = size(spoolMax);
        String token = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip() : context.environment().get(AgentSettings.TOKEN_ENV);
        if (token != null && token.isBlank()) token = null;
        if (token == null && kafka == null)
            throw new UsageException("an agent token is needed: --token-file FILE or " + AgentSettings.TOKEN_ENV + " (netwarden server add-agent " + agentId + " prints one)");
        try {
            if (kafka == null) netwarden.ship.http.ShipperConfig.defaults(server, token); // https, or http on loopback only; token shape
            return new AgentSettings(server, agentId, token, spoolDir != null ? spoolDir : stateDir.resolve("spool"), maxBytes,
                    kafka, kafkaTopic, heartbeat, caFile, clientCert, clientKey, localStore, AgentSettings.DRAIN_ON_CLOSE);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code 512k}, {@code 256m}, {@code 2g}: 64 KiB up to 1 TiB. */
    static long size(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})([kmg])", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1)) << switch (Character.toLowerCase(m.group(2).charAt(0))) { case 'k' -> 10; case 'm' -> 20; default -> 30; };
            if (n >= 64 << 10 && n <= 1L << 40) return n;
        }
        throw new UsageException("--spool-max must be a size from 64k to 1024g, e.g. 256m: " + text);
    }
}
