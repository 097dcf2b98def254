package netwarden.app.notify;

import java.util.concurrent.Callable;
import netwarden.app.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netwarden notify}: notification channels; dispatches to {@code test}. */
@Command(name = "notify", mixinStandardHelpOptions = true, subcommands = NotifyTestCommand.class,
        description = {"Test the notification channels (see docs/notify.md).",
            "Channels: Discord, Slack, webhook, e-mail, script."})
public final class NotifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden notify: a command is required (test)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
