package netwarden.app.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every {@link ConfigProblem} found in it. Each line of
 * the message reads {@code FILE:LINE:COLUMN: what} when the place is known, {@code FILE: what}
 * otherwise, in the order of the file; the CLI prints it as is and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    private final List<Located> problems;

    /** A problem and where it is: line and column 1-based, or 0 when unknown. */
    public record Located(ConfigProblem problem, String file, int line, int column) {
        public String text() {
            if (line <= 0) return file + ": " + problem.text();
            return file + ":" + line + ":" + (column > 0 ? column + ":" : "") + " " + problem.text();
        }
    }

    /** @param problems at least one; shown sorted by place, those without a place last */
    public ConfigException(List<Located> problems, Throwable cause) {
        super(message(sorted(problems)), cause);
        this.problems = sorted(problems);
    }

    public ConfigException(String file, int line, int column, String reason, Throwable cause) {
        this(List.of(new Located(new ConfigProblem("", null, reason, null), file, line, column)), cause);
    }

    public ConfigException(String file, String reason) {
        this(file, 0, 0, reason, null);
    }

    private static List<Located> sorted(List<Located> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
        return problems.stream().sorted(Comparator.comparingInt((Located l) -> l.line() <= 0 ? Integer.MAX_VALUE : l.line())
                .thenComparingInt(Located::column)).toList();
    }

    private static String message(List<Located> problems) {
        return problems.stream().map(Located::text).collect(Collectors.joining("\n"));
    }

    /** Every problem, in the order of the file. */
    public List<Located> problems() {
        return problems;
    }

    public String file() {
        return problems.getFirst().file();
    }

    /** The first problem's line, or 0. */
    public int line() {
        return problems.getFirst().line();
    }

    public int column() {
        return problems.getFirst().column();
    }

    /** The first problem's message without the location. */
    public String reason() {
        return problems.getFirst().problem().text();
    }
}
