package netwarden.sources.query;

/**
 * What a {@link QueryPoller} reports. Called on the poller's thread; must not block (hand off to a queue).
 * An exception thrown here is logged and counted, never stops the poller.
 */
public interface QueryListener {
    /** Every valid answer. */
    void answered(QueryResult result);

    /** The server missed a poll after answering (or never answered since the poller started). Once per outage. */
    void notAnswering(String service, long atNanos, String reason);

    /** The first answer after {@link #notAnswering}. {@link #answered} is called for it too. */
    void back(String service, long atNanos, QueryResult result);
}
