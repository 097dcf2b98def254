package netwarden.sinks.route;

/**
 * Thrown by a {@link Sink} that delivered part of a batch: the worker counts {@link #failedItems()}
 * as failed and the rest as delivered (any other exception fails the whole batch).
 */
public final class SinkException extends Exception {
    private final int failedItems;

    public SinkException(int failedItems, String message, Throwable firstCause) {
        super(message, firstCause);
        if (failedItems < 1) throw new IllegalArgumentException("failedItems must be positive: " + failedItems);
        this.failedItems = failedItems;
    }

    public int failedItems() {
        return failedItems;
    }
}
