package netwarden.app.geoip;

import java.util.concurrent.Callable;
import netwarden.app.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netwarden geoip}: the offline GeoIP/ASN data; dispatches to {@code update}. */
@Command(name = "geoip", mixinStandardHelpOptions = true, subcommands = GeoIpUpdateCommand.class,
        description = {"Offline GeoIP/ASN data for enriching players and sources."})
public final class GeoIpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("netwarden geoip: a command is required (update)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
