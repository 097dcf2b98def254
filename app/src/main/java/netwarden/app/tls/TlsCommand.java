package netwarden.app.tls;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netwarden tls}: certificates for HTTPS and mTLS; it only dispatches to {@code init}. */
@Command(name = "tls", mixinStandardHelpOptions = true,
        description = {"Certificates for HTTPS with client certificates (mTLS).",
            "For serving /metrics and the API; see docs/deploy.md."},
        subcommands = {TlsInitCommand.class, HelpCommand.class})
public final class TlsCommand implements Callable<Integer> {
    /** Picocli's exit code for bad usage, as {@code netwarden.app.ExitCodes.USAGE}. */
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden tls: a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
