package netwarden.app;

import java.util.List;
import java.util.concurrent.Callable;
import netwarden.app.demo.DemoCommand;
import netwarden.app.fleet.AgentCommand;
import netwarden.app.fleet.ServerCommand;
import netwarden.app.flows.FlowsCommand;
import netwarden.app.geoip.GeoIpCommand;
import netwarden.app.notify.NotifyCommand;
import netwarden.app.replay.ReplayCommand;
import netwarden.app.run.RunCommand;
import netwarden.app.tls.TlsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code netwarden} command; it only dispatches to subcommands. They are added by
 * {@link Main}, which builds only the one a command line names: picocli reads every option of
 * every command it is given, and that alone cost a short {@code replay} ~150 ms of start-up.
 */
@Command(name = "netwarden", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Per-service traffic truth for game servers: packets, bytes, sources and real players,",
            "attacks, with Prometheus metrics, a JSON API and notifications."},
        footer = {"", "Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.",
            "Docs: README.md, docs/config.md, docs/notify.md and docs/deploy.md in the source tree."})
public final class NetwardenCommand implements Callable<Integer> {
    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, AgentCommand.class, ServerCommand.class, ReplayCommand.class, FlowsCommand.class,
            CheckConfigCommand.class, DemoCommand.class, NotifyCommand.class, GeoIpCommand.class, TlsCommand.class, HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
