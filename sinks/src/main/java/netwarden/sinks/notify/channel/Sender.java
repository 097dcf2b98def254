package netwarden.sinks.notify.channel;

/**
 * Delivers one notice, synchronously, on the channel's worker thread (one call at a time per
 * channel, so a sender may keep state such as rate-limit windows without locking).
 */
public interface Sender extends AutoCloseable {
    /** Sends {@code notice} or throws saying whether a retry may help. */
    void send(Notice notice) throws DeliveryException;

    /** Releases connections; called once after the last send. */
    @Override
    default void close() {}
}
