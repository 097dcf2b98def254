package netwarden.server;

import io.prometheus.metrics.core.metrics.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor of the JDK server, with the request and response time limits of one server.
 *
 * <p>Design notes: the JDK server has time limits only as JVM-wide system properties
 * ({@code sun.net.httpserver.maxReqTime}/{@code maxRspTime}, read once by {@code ServerConfig}) and
 * none by default, so a client that sends half a request would hold its connection forever. It
 * does run each exchange (reading the request line and headers, the TLS handshake, the handler,
 * writing the answer) as one task on this executor, on a blocking socket channel. So each task
 * runs on its own virtual thread with a deadline: {@link HttpServerConfig#requestTimeLimit()} from
 * its start, then {@link HttpServerConfig#responseTimeLimit()} from {@link #responding()} (the
 * dispatcher calls it once the request is read). A watchdog thread looks every {@link #tickNanos}
 * and interrupts a thread past its deadline; interrupting a thread blocked on a socket channel
 * closes the channel, the JDK's exchange sees an I/O error and drops the connection. Idle keep-alive
 * connections are no task and are closed by the JDK's own idle timer. Each cut is counted in
 * {@code netwarden_http_timeouts_total{phase}} and logged at DEBUG. Time comes from an injected
 * ticker so tests can step {@link #check}.
 */
final class ExchangeTimer implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeTimer.class);

    private static final class Watch {
        final Thread thread;
        volatile long deadline;
        volatile String phase = "request";
        volatile boolean cut;

        Watch(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }
    }

    private final long requestNanos, responseNanos, tickNanos;
    private final LongSupplier ticker;
    private final Counter timeouts;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Thread, Watch> running = new ConcurrentHashMap<>();
    private Thread watchdog;
    private volatile boolean closed;

    /** @param timeouts {@code netwarden_http_timeouts_total}, labelled {@code phase} */
    ExchangeTimer(Duration request, Duration response, LongSupplier ticker, Counter timeouts) {
        this.requestNanos = request.toNanos();
        this.responseNanos = response.toNanos();
        // A quarter of the shorter limit, at most a second: a cut comes at most 25 % late.
        this.tickNanos = Math.min(1_000_000_000L, Math.max(10_000_000L, Math.min(requestNanos, responseNanos) / 4));
        this.ticker = ticker;
        this.timeouts = timeouts;
    }

    static Counter counter() {
        return Counter.builder().name("netwarden_http_timeouts_total")
                .help("HTTP connections closed because the client took too long to send its request or to read the answer.")
                .labelNames("phase").build();
    }

    void start() {
        watchdog = Thread.ofPlatform().daemon().name("netwarden-http-watchdog").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(Duration.ofNanos(tickNanos));
                } catch (InterruptedException e) {
                    return;
                }
                check();
            }
        });
    }

    @Override
    public void execute(Runnable exchange) {
        tasks.execute(() -> {
            Thread self = Thread.currentThread();
            running.put(self, new Watch(self, ticker.getAsLong() + requestNanos));
            try {
                exchange.run();
            } finally {
                running.remove(self);
            }
        });
    }

    /** The calling exchange has read its request: its response time starts now. */
    void responding() {
        Watch w = running.get(Thread.currentThread());
        if (w == null || !"request".equals(w.phase)) return;
        w.phase = "response";
        w.deadline = ticker.getAsLong() + responseNanos;
    }

    /** Cuts every exchange past its deadline; returns how many. */
    int check() {
        long now = ticker.getAsLong();
        int cut = 0;
        for (Watch w : running.values()) {
            if (w.cut || now - w.deadline < 0) continue;
            w.cut = true;
            cut++;
            timeouts.labelValues(w.phase).inc();
            LOG.debug("closing an HTTP connection: the client took longer than allowed to {}",
                    "request".equals(w.phase) ? "send its request" : "read the answer");
            w.thread.interrupt();
        }
        return cut;
    }

    /** Stops the watchdog and waits for running exchanges (the server's stop has closed their connections). */
    @Override
    public void close() {
        closed = true;
        if (watchdog != null) watchdog.interrupt();
        tasks.close();
    }
}
