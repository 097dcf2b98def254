package netwarden.app.run;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.app.UsageException;
import netwarden.app.VersionProvider;
import netwarden.app.capture.CaptureFeed;
import netwarden.app.capture.CaptureOptions;
import netwarden.app.collect.CollectOptions;
import netwarden.app.config.ApiTokenSetting;
import netwarden.app.config.ListenAddress;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.config.SourceSettings;
import netwarden.decode.CaptureReader;
import netwarden.model.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netwarden run}: the live pipeline with metrics, the API and notifications, until SIGTERM
 * or SIGINT. The packet source is a capture file ({@code --pcap}) replayed in real time or at full
 * speed (after it ends the final state stays served), or live capture ({@code --capture},
 * {@code --interface} or the {@code capture:} section; opened before the HTTP port is served, so
 * a missing permission or interface fails at once). HTTPS comes with {@code --web-config}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the live pipeline: metrics, JSON API, notifications.",
            "One HTTP port (default 127.0.0.1:9420), until stopped with Ctrl-C or SIGTERM (exit 0); a source",
            "that fails while running ends it with exit 1.",
            "Source, chosen explicitly: a capture file (--pcap or source.pcap), replayed live (after it ends the final",
            "state stays served); or live capture (--capture/--interface, or a capture: section in the config) with",
            "eBPF, libpcap or /proc, which needs root or capabilities for ebpf and pcap (docs/capture.md); and/or flow",
            "exports from routers (--collect netflow=ADDR:PORT, --collect sflow=ADDR:PORT, or collect:; docs/flows.md).",
            "Attacks are logged and archived (incidents.dir); learned baselines persist in state.dir.",
            "API token: api.tokens in the config, or NETWARDEN_API_TOKEN (masked addresses).",
            "Notifications: notify in the config, or NETWARDEN_DISCORD_WEBHOOK=<Discord webhook URL> (docs/notify.md).",
            "HTTPS and client certificates: --web-config (docs/deploy.md); plain HTTP binds loopback only unless allowed."})
public class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    protected final CliContext context;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see docs/config.md); flags below override it.")
    Path config;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Capture file to feed through the live pipeline (instead of live capture).")
    Path pcap;

    @Mixin
    CaptureOptions capture;

    @Mixin
    CollectOptions collect = new CollectOptions();

    @Option(names = "--speed", paramLabel = "realtime|max", description = "Replay speed of --pcap: realtime (default) or max.")
    ReplaySpeed speed;

    @Mixin
    HttpOptions http = new HttpOptions();

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        NetwardenConfig effective = effectiveConfig();
        Path file = effective.source().pcap();
        // A capture that is not there is a runtime failure (exit 1), as for replay; then the config's problems (exit 2).
        if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file)))
            throw new IOException("cannot read capture file " + file + (Files.exists(file) ? ": not a readable file" : ": no such file"));
        // The same checks check-config makes: every problem at once, exit 2, before anything starts.
        StartChecks checks = StartChecks.of(effective, Clock.SYSTEM);
        if (!checks.problems().isEmpty()) throw context.configLoader().locate(config, checks.problems());
        checks.warnings().forEach(w -> LOG.warn("{}", w));
        String notCapture = file == null ? null : notACapture(file);
        if (notCapture != null) throw new IOException(file + " is not a capture file (pcap or pcapng): " + notCapture);
        if (effective.apiTokens().isEmpty())
            LOG.warn("no API token configured: /api/v1{} will answer 401; set NETWARDEN_API_TOKEN or api.tokens",
                    effective.http().metricsAuth() ? " and /metrics" : "");

        // Live capture is planned (mode chosen, and logged) before anything starts.
        CaptureFeed live = file == null && effective.source().liveCapture() ? CaptureFeed.prepare(effective.capture(), Clock.SYSTEM) : null;
        PacketFeed feed = live != null ? live : file != null ? new FileFeed(file, effective.source().speed()) : null;
        LiveRuntime runtime = runtime(effective, feed);
        // SIGTERM/SIGINT end the command normally (exit 0); the hook covers every other way the JVM ends.
        // Installed before anything serves, so a signal as soon as /healthz answers is handled, not the
        // JVM's default (exit 143).
        GracefulStop stop = GracefulStop.install(() -> {
            LOG.info("stopping");
            runtime.close();
            if (live != null) live.close(); // stops capture (detaching eBPF) even if the pipeline did not
            LOG.info("stopped");
        }, context.ownsProcess());
        try {
            if (live != null) {
                live.registerMetrics(runtime.registry());
                live.open(); // before serving: a missing permission or interface fails the command at once
            }
            runtime.start();
        } catch (Exception e) {
            try {
                stop.stop(); // releases what did start; the start's own error is the one reported
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        LOG.info("netwarden {} serving {}://{} ({}; /metrics, /healthz, /api/v1; tokens: {}); source: {}; services: {}; "
                        + "attack detection {}; state: {}; incidents: {}",
                VersionProvider.version(), runtime.scheme(), hostPort(effective.http().listen(), runtime.port()), runtime.security(),
                effective.apiTokens().isEmpty() ? "none" : String.join(", ", effective.apiTokens().stream().map(ApiTokenSetting::name).toList()),
                runtime.describeSource(),
                effective.engine().services().isEmpty() ? "discovered automatically" : effective.engine().services().size() + " configured",
                effective.engine().detection().enabled() ? "on" : "off", effective.state().dir(), effective.incidents().dir());
        runtime.awaitFeedEnd(Duration.ofDays(36_500));
        Throwable failure = runtime.feedFailure();
        if (failure != null && !stop.stopping()) {
            // A capture that dies (or a file that breaks) must not leave a process serving frozen numbers as healthy.
            LOG.error("the packet source failed: exit status 1, so a supervisor restarts netwarden");
            stop.stop();
            stop.awaitStopped(); // a signal may have begun the stop just now
            return ExitCodes.FAILURE;
        }
        if (!stop.stopping()) LOG.info("source ended; serving the final state until stopped (Ctrl-C or SIGTERM)");
        stop.awaitStopped();
        return ExitCodes.OK;
    }

    /** The runtime for this command: run keeps its history in the local store; {@code agent} ships it. */
    protected LiveRuntime runtime(NetwardenConfig effective, PacketFeed feed) throws IOException {
        return new LiveRuntime(effective, feed);
    }

    /**
     * The config file (or defaults) with the command-line flags applied. The source is explicit,
     * never a surprise: a capture file (--pcap, else source.pcap) is replayed; else live capture
     * runs when asked for (--capture/--interface, or a capture: section in the file). Fails with
     * exit 2 when neither is set, or when --pcap and --capture are both given.
     */
    NetwardenConfig effectiveConfig() {
        NetwardenConfig c = config == null ? context.configLoader().defaults() : context.configLoader().load(config);
        c = http.applyTo(c);
        boolean captureFlags = capture.requested();
        if (pcap != null && captureFlags)
            throw new UsageException("--pcap and --capture/--interface exclude each other: replay a capture file or capture live, not both");
        SourceSettings s = c.source();
        Path file = captureFlags ? null : pcap != null ? pcap : s.pcap();
        c = c.withSource(new SourceSettings(file, speed != null ? speed : s.speed(), captureFlags || s.liveCapture()));
        c = c.withCapture(capture.applyTo(c.capture()));
        c = c.withCollect(collect.applyTo(c.collect()));
        if (file == null && !c.source().liveCapture() && !c.collect().enabled())
            throw new UsageException("no packet source configured: give --pcap FILE (or source.pcap in the config file) to replay a "
                    + "capture, or --capture auto|ebpf|pcap|proc [--interface IF] (or a capture: section) to capture live "
                    + "(needs root or capabilities, see docs/capture.md), or --collect netflow=ADDR:PORT (or a collect: section) to "
                    + "take flow exports (docs/flows.md). To see netwarden work without any, run 'netwarden demo'.");
        return c;
    }

    /** Why {@code file} is no capture at all (its first bytes are no pcap/pcapng magic), or null; a damaged capture is one. */
    private static String notACapture(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return CaptureReader.notACapture(MemorySegment.ofArray(in.readNBytes(4)));
        }
    }

    private static String hostPort(ListenAddress listen, int port) {
        return new ListenAddress(listen.host(), port).toString();
    }
}
