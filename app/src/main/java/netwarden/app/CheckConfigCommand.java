package netwarden.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import netwarden.app.config.ConfigRenderer;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.run.HttpOptions;
import netwarden.app.run.StartChecks;
import netwarden.model.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden check-config FILE}: validates a config as {@code run} would — the file, then the
 * checks run makes before it starts (plain HTTP off loopback, the web config and its TLS files, files
 * that must exist) — and prints the effective result, secrets redacted.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Check a config file as 'run' would.",
            "Prints the effective configuration: defaults are filled in, ${ENV} references and NETWARDEN_API_TOKEN applied, secrets redacted.",
            "Also makes every check 'run' makes before starting: plain HTTP off loopback, the web config and its",
            "TLS files, files that must exist. Give the same --listen/--web-config/--allow-plain-http as to run.",
            "On error prints every problem as FILE:LINE:COLUMN: message, one a line, and exits 2."})
public final class CheckConfigCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    @Mixin
    HttpOptions http = new HttpOptions();

    public CheckConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetwardenConfig config = http.applyTo(context.configLoader().load(file));
        StartChecks checks = StartChecks.of(config, Clock.SYSTEM);
        if (!checks.problems().isEmpty()) throw context.configLoader().locate(file, checks.problems());
        checks.warnings().forEach(w -> spec.commandLine().getErr().println(file + ": warning: " + w));
        spec.commandLine().getOut().print(ConfigRenderer.render(config));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
