package netwarden.app.config;

/**
 * A configuration that cannot be used. The message reads {@code FILE:LINE:COLUMN: what} when the
 * place is known, {@code FILE: what} otherwise; the CLI prints it as is and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    /** @param line 1-based, or 0 when unknown; column likewise */
    public ConfigException(String file, int line, int column, String reason, Throwable cause) {
        super(format(file, line, column, reason), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public ConfigException(String file, String reason) {
        this(file, 0, 0, reason, null);
    }

    private static String format(String file, int line, int column, String reason) {
        if (line <= 0) return file + ": " + reason;
        return file + ":" + line + ":" + (column > 0 ? column + ":" : "") + " " + reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the location. */
    public String reason() {
        return reason;
    }
}
