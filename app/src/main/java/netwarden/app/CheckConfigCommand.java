package netwarden.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import netwarden.app.config.ConfigRenderer;
import netwarden.app.config.NetwardenConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netwarden check-config FILE}: validates a config and prints the effective result, secrets redacted. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Check a config file and print the effective configuration.",
            "Defaults are filled in, ${ENV} references and NETWARDEN_API_TOKEN applied, secrets redacted.",
            "On error prints FILE:LINE:COLUMN: message and exits 2."})
public final class CheckConfigCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    public CheckConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetwardenConfig config = context.configLoader().load(file);
        spec.commandLine().getOut().print(ConfigRenderer.render(config));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
