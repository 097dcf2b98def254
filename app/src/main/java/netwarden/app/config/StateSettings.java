package netwarden.app.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Where {@code netwarden run} keeps what must survive a restart: the learned detection baselines
 * ({@value #BASELINES_FILE}). Replay never reads or writes it.
 *
 * @param dir created at start when missing; relative paths are relative to the working directory
 */
public record StateSettings(Path dir) {
    public static final String BASELINES_FILE = "baselines.json";

    public StateSettings {
        Objects.requireNonNull(dir, "state.dir");
        if (dir.toString().isBlank()) throw new SettingException("state.dir", null, "state.dir must not be empty");
    }

    /** The state directory {@link #defaultDir} picks for an empty environment: {@code netwarden-state}. */
    public static StateSettings defaults() {
        return new StateSettings(defaultDir(Map.of()));
    }

    public Path baselinesFile() {
        return dir.resolve(BASELINES_FILE);
    }

    /**
     * The default state directory, first match wins: {@code $STATE_DIRECTORY} (set by systemd's
     * {@code StateDirectory=}; its first entry), {@code $XDG_STATE_HOME/netwarden},
     * {@code $HOME/.local/state/netwarden}, else {@code netwarden-state} in the working directory.
     * Relative values of the XDG and HOME variables are ignored, as the XDG spec asks.
     */
    public static Path defaultDir(Map<String, String> environment) {
        String systemd = environment.get("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) return Path.of(systemd.split(":")[0]);
        Path xdg = absolute(environment.get("XDG_STATE_HOME"));
        if (xdg != null) return xdg.resolve("netwarden");
        Path home = absolute(environment.get("HOME"));
        if (home != null) return home.resolve(".local").resolve("state").resolve("netwarden");
        return Path.of("netwarden-state");
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) return null;
        Path p = Path.of(value);
        return p.isAbsolute() ? p : null;
    }
}
