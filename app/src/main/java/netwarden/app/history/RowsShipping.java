package netwarden.app.history;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import netwarden.store.Rows;

/**
 * Where an agent sends the rows its store would keep (issue 16): {@link History} hands every batch to it as
 * well as, or instead of, the local store. {@link #offer} must never wait (it runs on the pipeline thread and the
 * store sink's worker).
 */
public interface RowsShipping extends AutoCloseable {
    /** Opens the spool and starts shipping; fails the start when the spool cannot be opened. */
    void start(PrometheusRegistry registry) throws IOException;

    /** Queues the rows for shipping; rows that do not fit are dropped and counted. */
    void offer(Rows.Batch batch);

    /** Makes what was offered durable in the spool and stops shipping (the spool keeps the rest for the next start). */
    @Override
    void close();
}
