package netwarden.app;

import java.util.Map;
import netwarden.app.config.ConfigLoader;

/**
 * What commands take from the process instead of reading globals, so tests can run them in-process:
 * the environment (for {@code ${ENV}} references and {@code NETWARDEN_API_TOKEN}), and whether the
 * command owns the process (then {@code run} handles SIGTERM/SIGINT itself; an in-process test must
 * not take over its JVM's signals).
 */
public record CliContext(Map<String, String> environment, boolean ownsProcess) {
    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** A context for a command run inside another program (tests): it does not own the process. */
    public CliContext(Map<String, String> environment) {
        this(environment, false);
    }

    /** The real process: its environment, and its signals. */
    public static CliContext system() {
        return new CliContext(System.getenv(), true);
    }

    public ConfigLoader configLoader() {
        return new ConfigLoader(environment);
    }
}
