package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import netwarden.model.SettingException;

/**
 * The helpers every binder shares (ConfigBinder, DetectionBinder, ApiTokenBinder, NotifyBinder,
 * CaptureConfigBinder), and the list of problems they find. A value that is wrong is recorded as a
 * {@link ConfigProblem} at its key path and then treated as absent (its default), so binding goes on
 * and one run reports every problem of the file. Places come from the {@link LocationIndex} by path.
 */
public final class Binding {
    private final String file;
    private final LocationIndex index;
    private final EnvExpander env;
    private final List<ConfigException.Located> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> sections;

    /** @param sections the top-level sections whose problems count (a command ignores those it does not use); null for all */
    Binding(String file, LocationIndex index, Map<String, String> environment, Set<String> sections) {
        this.file = file;
        this.index = index;
        this.env = new EnvExpander(environment);
        this.sections = sections;
    }

    /** A binding with no file behind it (tests of one binder): problems carry no place. */
    public static Binding detached(Map<String, String> environment) {
        return new Binding("(config)", LocationIndex.EMPTY, environment, null);
    }

    /** {@code raw} with {@code ${ENV}} expanded; null when absent or when the expansion fails (recorded). */
    public String string(String path, String raw) {
        if (raw == null || failed.contains(path)) return null; // e.g. an alias, already reported
        try {
            return env.expand(raw);
        } catch (IllegalArgumentException e) {
            problem(path, null, path + ": " + e.getMessage(), null);
            return null;
        }
    }

    /** Like {@link #string} but stripped, and a blank or missing value is a problem (null returned). */
    public String required(String path, String raw) {
        String s = string(path, raw);
        if (s == null || s.isBlank()) {
            if (!failed.contains(path)) problem(path, s, path + " must not be empty", null);
            return null;
        }
        return s.strip();
    }

    /** A path that must not be empty when given; {@code ~} is the user's home. Null when absent or wrong. */
    public Path path(String path, String raw, String userHome) {
        if (raw == null) return null;
        String s = required(path, raw);
        if (s == null) return null;
        return s.equals("~") ? Path.of(userHome) : s.startsWith("~/") ? Path.of(userHome, s.substring(2)) : Path.of(s);
    }

    public Duration duration(String path, String raw, Duration fallback) {
        String s = string(path, raw);
        if (s == null) return fallback;
        return check(path, () -> Durations.parse(s), fallback);
    }

    /** A number that must be finite: YAML reads {@code 1e309} and {@code .inf} as infinity. */
    public Double real(String path, Double raw, Double fallback) {
        if (raw == null) return fallback;
        if (!Double.isFinite(raw)) {
            problem(path, String.valueOf(raw), path + " must be a finite number: " + raw, "write a number such as 5 or 0.5");
            return fallback;
        }
        return raw;
    }

    /**
     * Runs a parser or a record constructor. What it refuses becomes a problem at {@code path} joined
     * with the {@link SettingException#key() key} the record names (a plain IllegalArgumentException:
     * at {@code path}); then {@code fallback} is returned. A refusal of a key already reported (its
     * default stood in for the wrong value) is not repeated.
     */
    public <T> T check(String path, Supplier<T> build, T fallback) {
        try {
            return build.get();
        } catch (SettingException e) {
            String full = join(path, e.key());
            if (!failed.contains(full)) problem(full, e.value(), qualify(full, e.key(), e.getMessage()), null);
        } catch (IllegalArgumentException e) {
            problem(path, null, qualify(path, "", String.valueOf(e.getMessage())), null);
        } catch (ArithmeticException e) { // e.g. a duration of 10^18 days
            problem(path, null, path + ": the value is too large", null);
        }
        return fallback;
    }

    /** Records a problem; {@code what} is the whole sentence, {@code fix} may be null. */
    public void problem(String path, Object value, String what, String fix) {
        if (!counts(path)) return;
        failed.add(path);
        JsonLocation l = index.find(path);
        problems.add(new ConfigException.Located(new ConfigProblem(path, value == null ? null : String.valueOf(value), what, fix),
                file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()));
    }

    /** Records a problem found after binding (e.g. by the start checks), at its path. */
    public void add(ConfigProblem p) {
        problem(p.path(), p.value(), p.what(), p.fix());
    }

    /**
     * Records a problem of the file's structure (syntax, an alias, an unknown key, a wrong type) at a
     * place the parser gave. These count in every section, used or not: the file is wrong either way.
     */
    void structural(ConfigProblem problem) {
        JsonLocation l = index.find(problem.path());
        problemAt(problem, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
    }

    /** As {@link #structural(ConfigProblem)}, at the place given. */
    void problemAt(ConfigProblem problem, int line, int column) {
        failed.add(problem.path());
        var located = new ConfigException.Located(problem, file, line, column);
        if (!problems.contains(located)) problems.add(located); // a file read again past a value it could not read finds it again
    }

    private boolean counts(String path) {
        if (sections == null || path.isEmpty()) return true;
        int cut = path.length();
        for (char c : new char[] {'.', '['}) if (path.indexOf(c) >= 0) cut = Math.min(cut, path.indexOf(c));
        return sections.contains(path.substring(0, cut));
    }

    /** The problems recorded so far, in the order found. */
    public List<ConfigProblem> problems() {
        return problems.stream().map(ConfigException.Located::problem).toList();
    }

    /** Whether a problem was recorded at exactly {@code path}. */
    boolean failedAt(String path) {
        return failed.contains(path);
    }

    /** Whether a problem was recorded at {@code path} or below it. */
    public boolean failed(String path) {
        return failed.stream().anyMatch(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
    }

    List<ConfigException.Located> located() {
        return List.copyOf(problems);
    }

    /** @throws ConfigException with every problem recorded, when there is any */
    void throwIfAny() {
        if (!problems.isEmpty()) throw new ConfigException(problems, null);
    }

    /** Whether the file itself wrote {@code path}. */
    boolean written(String path) {
        return index.has(path);
    }

    static String join(String path, String key) {
        if (key == null || key.isEmpty()) return path;
        if (path.isEmpty()) return key;
        return key.startsWith("[") ? path + key : path + "." + key;
    }

    /**
     * The record's sentence naming the full path: it names it already ({@code players.join-after must ...}),
     * or names the key relative to the record ({@code secret must ...} becomes {@code notify.channels[0].secret must ...}),
     * or gets the path in front.
     */
    private static String qualify(String full, String key, String message) {
        if (full.isEmpty() || message.startsWith(full)) return message;
        if (!key.isEmpty() && message.startsWith(key)) return full + message.substring(key.length());
        return full + ": " + message;
    }

    public static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
