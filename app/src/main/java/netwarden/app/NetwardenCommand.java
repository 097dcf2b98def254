package netwarden.app;

import java.util.concurrent.Callable;
import netwarden.app.demo.DemoCommand;
import netwarden.app.replay.ReplayCommand;
import netwarden.app.run.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code netwarden} command; it only dispatches to subcommands. */
@Command(name = "netwarden", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Per-service traffic truth for game servers: packets, bytes, sources and real players,",
            "with Prometheus metrics and a JSON API."},
        subcommands = {RunCommand.class, ReplayCommand.class, CheckConfigCommand.class, DemoCommand.class, HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.",
            "Docs: README.md and docs/config.md in the source tree."})
public final class NetwardenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
