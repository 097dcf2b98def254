package netwarden.store;

/** The database failed (down, full, read-only, or a bug in a statement); the message names the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String operation, Throwable cause) {
        super(operation + ": " + cause.getMessage(), cause);
    }
}
