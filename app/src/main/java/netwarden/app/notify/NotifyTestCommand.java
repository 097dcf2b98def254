package netwarden.app.notify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.model.Clock;
import netwarden.sinks.notify.NotifyMetrics;
import netwarden.sinks.notify.Notifiers;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.NotifyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden notify test [--config FILE]}: sends one test message to every configured channel
 * and prints each result. Exit 0 when all were delivered, 1 when any failed, 2 for a bad config or
 * no channels.
 *
 * <p>Each channel gets one try (no retries, no rate-limit waits), all at once, and the command waits
 * at most {@link #TRY_FOR} for them: three unreachable channels cost seconds, not the minute the
 * running notifier's retries would take. A channel that has not answered by then is reported as
 * failed; its try is abandoned (the process ends right after).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Send a test message to every configured notification channel and report each result.",
            "Channels come from the notify section of FILE and from NETWARDEN_DISCORD_WEBHOOK.",
            "One try per channel, all in parallel; a channel that does not answer within 5 s has failed."})
public final class NotifyTestCommand implements Callable<Integer> {
    /** How long the channels together may take. */
    static final Duration TRY_FOR = Duration.ofSeconds(5);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The YAML config file (see docs/config.md).")
    Path config;

    @Option(names = "--message", paramLabel = "TEXT", defaultValue = "If you can read this, netwarden can reach this channel.",
            description = "Text of the test message.")
    String message;

    public NotifyTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotifyConfig notify = (config == null ? context.configLoader().defaults() : context.configLoader().load(config, Set.of("notify"))).notifications();
        if (notify.channels().isEmpty()) {
            err.println("netwarden notify test: no channels configured (add notify.channels to the config file, or set "
                    + NotifyConfig.DISCORD_ENV + "=<Discord webhook URL>)");
            return ExitCodes.USAGE;
        }
        List<Channel> channels = Notifiers.channels(notify, netwarden.wire.BlockRules.DEFAULT_TIMEOUT, new NotifyMetrics(), Clock.SYSTEM, Sleeper.SYSTEM);
        Notice notice = new Notice.TestNotice(Clock.SYSTEM.nanos(), message);
        List<CompletableFuture<Channel.Result>> tries = new ArrayList<>();
        for (Channel c : channels) {
            CompletableFuture<Channel.Result> f = new CompletableFuture<>();
            Thread.ofVirtual().name("notify-test-" + c.name()).start(() -> f.complete(c.tryOnce(notice)));
            tries.add(f);
        }
        long deadline = System.nanoTime() + TRY_FOR.toNanos();
        int failed = 0;
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            Channel.Result r = await(tries.get(i), deadline);
            out.print(c.name() + " (" + c.type() + "): ");
            if (r == null) {
                failed++;
                out.println("FAILED: no answer within " + TRY_FOR.toSeconds() + " s");
                continue; // still trying: closing it would wait for the try
            }
            if (r.sent()) {
                out.println("sent");
            } else {
                failed++;
                out.println("FAILED after " + r.attempts() + " attempt(s): " + r.error());
            }
            c.close(Duration.ofSeconds(1));
        }
        out.println(failed == 0 ? "all " + channels.size() + " channel(s) reached" : failed + " of " + channels.size() + " channel(s) failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The result, or null when it did not come before {@code deadline}. */
    private static Channel.Result await(CompletableFuture<Channel.Result> f, long deadline) throws InterruptedException {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return new Channel.Result(false, 1, String.valueOf(e.getCause()));
        }
    }
}
