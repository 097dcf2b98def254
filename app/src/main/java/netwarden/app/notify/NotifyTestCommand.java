package netwarden.app.notify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * (with the usual retries) and prints each result. Exit 0 when all were delivered, 1 when any failed,
 * 2 for a bad config or no channels.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Send a test message to every configured notification channel and report each result.",
            "Channels come from the notify section of FILE and from NETWARDEN_DISCORD_WEBHOOK."})
public final class NotifyTestCommand implements Callable<Integer> {
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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotifyConfig notify = (config == null ? context.configLoader().defaults() : context.configLoader().load(config, Set.of("notify"))).notifications();
        if (notify.channels().isEmpty()) {
            err.println("netwarden notify test: no channels configured (add notify.channels to the config file, or set "
                    + NotifyConfig.DISCORD_ENV + "=<Discord webhook URL>)");
            return ExitCodes.USAGE;
        }
        List<Channel> channels = Notifiers.channels(notify, new NotifyMetrics(), Clock.SYSTEM, Sleeper.SYSTEM);
        int failed = 0;
        for (Channel c : channels) {
            out.print(c.name() + " (" + c.type() + "): ");
            out.flush();
            Channel.Result r = c.deliverNow(new Notice.TestNotice(Clock.SYSTEM.nanos(), message));
            if (r.sent()) {
                out.println("sent" + (r.attempts() > 1 ? " after " + r.attempts() + " attempts" : ""));
            } else {
                failed++;
                out.println("FAILED after " + r.attempts() + " attempt(s): " + r.error());
            }
            c.close(java.time.Duration.ofSeconds(1));
        }
        out.println(failed == 0 ? "all " + channels.size() + " channel(s) reached" : failed + " of " + channels.size() + " channel(s) failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
