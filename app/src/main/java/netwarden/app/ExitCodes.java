package netwarden.app;

/** Process exit codes of every netwarden command. */
public final class ExitCodes {
    /** Success (also: a damaged capture was reported with read_error). */
    public static final int OK = 0;
    /** A runtime failure: a missing or unreadable file, a port in use, an unexpected error. */
    public static final int FAILURE = 1;
    /** Bad usage or bad configuration: unknown option, wrong value, invalid config file. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
