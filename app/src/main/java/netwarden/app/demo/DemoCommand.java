package netwarden.app.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.app.VersionProvider;
import netwarden.app.config.ApiTokenSetting;
import netwarden.app.config.HttpSettings;
import netwarden.app.config.ListenAddress;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.run.LiveRuntime;
import netwarden.app.run.GracefulStop;
import netwarden.engine.EngineConfig;
import netwarden.model.Clock;
import netwarden.model.ServiceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden demo}: the live pipeline fed with synthetic game traffic, with metrics and the
 * API up, for a first look without root or a capture file. Prints the URL and a fresh API token.
 * Reads no config file; from the environment it takes what {@code run} would take without one:
 * notifications ({@code NETWARDEN_DISCORD_WEBHOOK}) and where the GeoIP data is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run on synthetic game traffic (no root, no capture file).",
            "Three game servers (192.0.2.10-12) made in-process, players joining and leaving at game tick",
            "rates, query noise and now and then a flood.",
            "Metrics, the API and the web console are up; the console's one-time sign-in link and a fresh API token",
            "are printed. No root, no capture file.",
            "With NETWARDEN_DISCORD_WEBHOOK=<Discord webhook URL> every event is also posted to that channel."})
public final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:9420",
            description = "HTTP listen address (default ${DEFAULT-VALUE}).")
    ListenAddress listen;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long (e.g. 90s, 10m); default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same traffic (default: random).")
    Long seed;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the demo keeps its learned baselines and attack records (default: a new temporary directory, "
                    + "never the state directory of 'run', so demo traffic cannot teach a real installation).")
    Path stateDir;

    @Option(names = "--allow-plain-http", description = "Allow --listen on a non-loopback address (plain HTTP, unencrypted).")
    boolean allowPlainHttp;

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        long s = seed != null ? seed : new SecureRandom().nextLong();
        String token = newToken();
        EngineConfig d = EngineConfig.defaults();
        List<ServiceSpec> services = Arrays.stream(DemoServer.standard()).map(DemoServer::spec).toList();
        // Defaults plus the environment (Discord webhook, GeoIP data); the state lives apart from run's.
        NetwardenConfig config = context.configLoader().defaults()
                .withHttp(HttpSettings.defaults().withListen(listen).withAllowPlainHttp(allowPlainHttp))
                .withApiTokens(List.of(new ApiTokenSetting("demo", token, false)))
                .withEngine(new EngineConfig(services, d.discovery(), d.players(), d.windows(), d.flowCapacity()))
                .withStateDir(stateDir != null ? stateDir : Files.createTempDirectory("netwarden-demo-"));

        DemoFeed feed = new DemoFeed(s, duration, Clock.SYSTEM, line -> LOG.info("demo: {}", line));
        LiveRuntime runtime = new LiveRuntime(config, feed);
        // Ctrl-C and SIGTERM end the demo normally (exit 0), as they end run; installed before anything
        // serves, so a signal as soon as /healthz answers is ours, not the JVM's default (exit 143).
        GracefulStop stop = GracefulStop.install(runtime::close, context.ownsProcess());
        try {
            runtime.start();
        } catch (Exception e) {
            try {
                stop.stop(); // releases what did start; the start's own error is the one reported
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        String url = runtime.scheme() + "://" + new ListenAddress(listen.host(), runtime.port());
        printWelcome(spec.commandLine().getOut(), url, url + runtime.consoleSignInLink("demo"), token, s, config);
        LOG.info("netwarden {} demo serving {}; source: {}", VersionProvider.version(), url, feed.describe());

        while (!runtime.awaitFeedEnd(STATUS_EVERY)) LOG.info("demo: {}", Status.line(runtime.snapshots().get()));
        if (stop.stopping()) { // Ctrl-C or SIGTERM: the stop handler is closing everything
            stop.awaitStopped();
            return ExitCodes.OK;
        }
        // --duration elapsed (or the feed failed): stop cleanly and exit.
        LOG.info("demo: {}", Status.line(runtime.snapshots().get()));
        stop.stop();
        stop.awaitStopped(); // a signal that came just now did the closing instead
        return runtime.feedFailure() == null ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void printWelcome(PrintWriter out, String url, String signIn, String token, long seed, NetwardenConfig config) {
        out.println("netwarden demo: synthetic traffic for 3 game servers (seed " + seed + ")");
        out.println("  console:    " + signIn + "   (open it to sign in; works once, for 30 min;");
        out.println("              later: " + url + "/login with the API token below)");
        out.println("  URL:        " + url + "   (/metrics, /healthz, /api/v1/services)");
        out.println("  API token:  " + token + "   (this session only; player addresses masked)");
        out.println("  try:        curl -H 'Authorization: Bearer " + token + "' " + url + "/api/v1/services");
        out.println("              curl -H 'Authorization: Bearer " + token + "' " + url + "/metrics");
        out.println("  attacks:    logged when they start, update and end; each ended one is saved to " + config.incidents().dir());
        out.println("  notify:     " + (config.notifications().channels().isEmpty()
                ? "no channels (set NETWARDEN_DISCORD_WEBHOOK=<Discord webhook URL> to see every event in Discord)"
                : String.join(", ", config.notifications().channels().stream().map(c -> c.name() + " (" + c.type() + ")").toList())));
        out.println("  Ctrl-C stops. Players appear after about 5 s of play; a first flood starts within 30 s and ends within 90 s.");
        out.flush();
    }

    /** 32 hex characters (128 bits) from a SecureRandom. */
    static String newToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
