package netwarden.app.flows;

import java.util.concurrent.Callable;
import netwarden.app.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netwarden flows ...}: flow-export (NetFlow, IPFIX, sFlow) tools. */
@Command(name = "flows", mixinStandardHelpOptions = true, subcommands = FlowsDecodeCommand.class,
        description = {"Decode NetFlow, IPFIX and sFlow exports.",
            "NetFlow v5/v9, IPFIX and sFlow v5 datagrams inside capture files (see flows decode --help)."})
public final class FlowsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden flows: a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
