package netwarden.app;

/** The command line asks for something that cannot work (exit code 2); the message says how to fix it. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
