package netwarden.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.app.UsageException;
import netwarden.app.VersionProvider;
import netwarden.app.config.ApiTokenSetting;
import netwarden.app.config.ListenAddress;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.config.SourceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netwarden run}: the live pipeline with metrics, the API and notifications, until SIGTERM
 * or SIGINT. The packet source is a capture file ({@code --pcap}) replayed in real time or at full
 * speed; after it ends the final state stays served. HTTPS comes with {@code --web-config}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline with Prometheus metrics and the JSON API on one HTTP port",
            "(default 127.0.0.1:9420) until stopped with Ctrl-C or SIGTERM.",
            "Source: a capture file (--pcap or source.pcap), replayed live; after it ends the final state stays served.",
            "Attacks are logged and archived (incidents.dir); learned baselines persist in state.dir.",
            "API token: api.tokens in the config, or NETWARDEN_API_TOKEN (masked addresses).",
            "Notifications: notify in the config, or NETWARDEN_DISCORD_WEBHOOK=<Discord webhook URL> (docs/notify.md).",
            "HTTPS and client certificates: --web-config (docs/deploy.md); plain HTTP binds loopback only unless allowed."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final CliContext context;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see docs/config.md); flags below override it.")
    Path config;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "HTTP listen address (default 127.0.0.1:9420).")
    ListenAddress listen;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Capture file to feed through the live pipeline.")
    Path pcap;

    @Option(names = "--speed", paramLabel = "realtime|max", description = "Replay speed of --pcap: realtime (default) or max.")
    ReplaySpeed speed;

    @Option(names = "--web-config", paramLabel = "FILE",
            description = "Web config file (Prometheus web.config.file format): HTTPS, client certificates, basic auth for /metrics.")
    Path webConfig;

    @Option(names = "--allow-plain-http", description = "Serve plain HTTP on a non-loopback address (tokens and player data unencrypted).")
    boolean allowPlainHttp;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        NetwardenConfig effective = effectiveConfig();
        Path file = effective.source().pcap();
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
            throw new IOException("cannot read capture file " + file + (Files.exists(file) ? ": not a readable file" : ": no such file"));
        if (effective.apiTokens().isEmpty())
            LOG.warn("no API token configured: /api/v1{} will answer 401; set NETWARDEN_API_TOKEN or api.tokens",
                    effective.http().metricsAuth() ? " and /metrics" : "");

        PacketFeed feed = new FileFeed(file, effective.source().speed());
        LiveRuntime runtime = new LiveRuntime(effective, feed);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        runtime.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("netwarden-shutdown").unstarted(() -> {
            stopping.set(true);
            LOG.info("stopping");
            runtime.close();
            LOG.info("stopped");
            stopped.countDown();
        }));
        LOG.info("netwarden {} serving {}://{} ({}; /metrics, /healthz, /api/v1; tokens: {}); source: {}; services: {}; "
                        + "attack detection {}; state: {}; incidents: {}",
                VersionProvider.version(), runtime.scheme(), hostPort(effective.http().listen(), runtime.port()), runtime.security(),
                effective.apiTokens().isEmpty() ? "none" : String.join(", ", effective.apiTokens().stream().map(ApiTokenSetting::name).toList()),
                feed.describe(),
                effective.engine().services().isEmpty() ? "discovered automatically" : effective.engine().services().size() + " configured",
                effective.engine().detection().enabled() ? "on" : "off", effective.state().dir(), effective.incidents().dir());
        runtime.awaitFeedEnd(Duration.ofDays(36_500));
        if (runtime.feedFailure() == null && !stopping.get()) LOG.info("source ended; serving the final state until stopped (Ctrl-C or SIGTERM)");
        stopped.await();
        return ExitCodes.OK;
    }

    /** The config file (or defaults) with the command-line flags applied; fails with exit 2 when no source is set. */
    NetwardenConfig effectiveConfig() {
        NetwardenConfig c = config == null ? context.configLoader().defaults() : context.configLoader().load(config);
        if (listen != null) c = c.withHttp(c.http().withListen(listen));
        if (webConfig != null) c = c.withHttp(c.http().withWebConfig(webConfig));
        if (allowPlainHttp) c = c.withHttp(c.http().withAllowPlainHttp(true));
        SourceSettings s = c.source();
        c = c.withSource(new SourceSettings(pcap != null ? pcap : s.pcap(), speed != null ? speed : s.speed()));
        if (c.source().pcap() == null)
            throw new UsageException("no packet source configured: give --pcap FILE (or source.pcap in the config file); "
                    + "live capture is not available yet. To see netwarden work without a capture, run 'netwarden demo'.");
        return c;
    }

    private static String hostPort(ListenAddress listen, int port) {
        return new ListenAddress(listen.host(), port).toString();
    }
}
