package netwarden.it;

import java.util.Arrays;
import netwarden.app.tls.TlsCommand;
import picocli.CommandLine;

/** {@code netwarden tls ...} as a process, for scripts under test (setup.sh); the first argument must be "tls". */
public final class TlsCli {
    private TlsCli() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("tls")) {
            System.err.println("TlsCli: expected 'tls ...', got " + Arrays.toString(args));
            System.exit(2);
        }
        System.exit(new CommandLine(new TlsCommand()).execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
