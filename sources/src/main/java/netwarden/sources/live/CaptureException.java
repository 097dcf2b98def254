package netwarden.sources.live;

/**
 * A live source could not start or stopped: the message says which source and interface, what
 * failed, and what the operator can do (for example which capability is missing).
 */
public final class CaptureException extends Exception {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
