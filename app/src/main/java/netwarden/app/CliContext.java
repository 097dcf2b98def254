package netwarden.app;

import java.util.Map;
import netwarden.app.config.ConfigLoader;

/**
 * What commands take from the process instead of reading globals, so tests can run them in-process:
 * the environment (for {@code ${ENV}} references and {@code NETWARDEN_API_TOKEN}).
 */
public record CliContext(Map<String, String> environment) {
    public CliContext {
        environment = Map.copyOf(environment);
    }

    public static CliContext system() {
        return new CliContext(System.getenv());
    }

    public ConfigLoader configLoader() {
        return new ConfigLoader(environment);
    }
}
