package netwarden.ship.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import netwarden.ship.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link Spool} to the server: one batch at a time in sequence order, {@code POST}ed to
 * {@code /api/v1/ingest}; a 200 (stored, duplicate or gap) acknowledges it in the spool, anything
 * else (refused connection, timeout, 5xx, even 401/403 while an operator fixes the token) is
 * retried forever after a {@link Backoff} wait, since giving up would lose rows. The {@link HttpClient}
 * is passed in so mTLS is the caller's {@code SSLContext}. Inert until {@link #start()}.
 */
public final class HttpShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpShipper.class);

    private final Spool spool;
    private final ShipperConfig config;
    private final HttpClient client;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final URI ingest;
    private final Thread thread;
    final LongAdder shippedBatches = new LongAdder(), shippedRows = new LongAdder(), retries = new LongAdder();
    private volatile boolean closing;
    private volatile String lastError;

    public HttpShipper(Spool spool, ShipperConfig config, HttpClient client, Backoff backoff, Sleeper sleeper) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ingest = config.server().resolve("/api/v1/ingest");
        this.thread = Thread.ofPlatform().daemon().name("netwarden-shipper").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (!closing) {
            try {
                Spool.Pending b = spool.nextPending(spool.acknowledged());
                if (b == null) {
                    sleeper.sleep(config.idlePoll());
                    continue;
                }
                String problem = post(b);
                if (problem == null) {
                    spool.acknowledge(b.sequence());
                    shippedBatches.increment();
                    shippedRows.add(b.rows());
                    if (failures > 0) LOG.info("shipping to {} works again after {} failed tries", config.server(), failures);
                    failures = 0;
                    continue;
                }
                failures++;
                retries.increment();
                if (failures == 1 || failures % 20 == 0) LOG.warn("shipping batch {} to {} failed ({} tries): {}", b.sequence(), config.server(), failures, problem);
                lastError = problem;
                sleeper.sleep(backoff.delay(failures));
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                failures++;
                retries.increment();
                lastError = e.toString();
                LOG.warn("shipper: {}", e.toString());
                try {
                    sleeper.sleep(backoff.delay(failures));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Null when the server took the batch, else why not. */
    private String post(Spool.Pending b) throws InterruptedException, IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(ingest).timeout(config.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(b.wire()));
        if (config.token() != null) rb.header("Authorization", "Bearer " + config.token());
        try {
            HttpResponse<String> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : "HTTP " + r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return e.toString();
        }
    }

    public long shippedBatches() { return shippedBatches.sum(); }
    public long shippedRows() { return shippedRows.sum(); }
    public long retries() { return retries.sum(); }
    public String lastError() { return lastError; }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
