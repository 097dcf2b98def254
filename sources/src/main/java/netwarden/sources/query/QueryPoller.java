package netwarden.sources.query;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Objects;
import netwarden.model.Clock;
import netwarden.sources.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks one game server for its status every interval and reports answers, "not answering" and "back".
 *
 * <p>Design notes: one daemon thread per service runs {@link #pollOnce()} at a fixed rate (a slow poll
 * delays the next one, polls never overlap). The socket is bound in {@link #start()} and kept, so
 * {@link #localAddress()} names the one local port (UDP for quake3/a2s, TCP for minecraft) every query
 * leaves from: traffic accounting excludes it, so our own queries are never a player or a source. The
 * injected clock stamps results; timeouts use {@link System#nanoTime()}. {@link #state()} is an immutable
 * snapshot safe to read from any thread.
 */
public final class QueryPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueryPoller.class);

    /** What the API shows: up, the last answer (null before any), and when up/down last changed. */
    public record State(boolean up, QueryResult last, long sinceNanos) {}

    private final QueryConfig config;
    private final QueryListener listener;
    private final Clock clock;
    private final QueryCounters counters = new QueryCounters();
    private final Availability availability = new Availability();
    private final Querier querier;
    private volatile State state = new State(false, null, 0);
    private Periodic thread;
    private InetSocketAddress target;

    public QueryPoller(QueryConfig config, QueryListener listener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.querier = Querier.of(config.protocol(), counters);
    }

    public QueryConfig config() { return config; }
    public QueryCounters counters() { return counters; }
    public State state() { return state; }

    /** The local address our queries leave from; null before {@link #start()} or {@link #open()}. */
    public InetSocketAddress localAddress() { return querier.localAddress(); }

    /** Binds the local socket without starting the thread (for callers that drive {@link #pollOnce()}). */
    public synchronized void open() throws IOException {
        if (querier.localAddress() == null) querier.open();
    }

    public synchronized void start() throws IOException {
        if (thread != null) throw new IllegalStateException("query poller for " + config.service() + " already started");
        open();
        thread = Periodic.start("netwarden-query-" + config.service(), config.interval(), this::pollOnce);
    }

    /** One poll now: query, update up/down, tell the listener. Returns the answer or null for a miss. */
    public synchronized QueryResult pollOnce() {
        counters.poll();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        String miss;
        try {
            if (target == null || target.isUnresolved()) target = new InetSocketAddress(config.host(), config.port());
            if (target.isUnresolved()) {
                miss = QueryCounters.UNRESOLVED;
            } else {
                Querier.Outcome o = querier.query(target, deadline);
                QueryResult r = o.status().at(config.service(), clock.nanos(), o.rttNanos());
                counters.answer();
                answered(r);
                return r;
            }
        } catch (Querier.Timeout e) {
            miss = QueryCounters.TIMEOUT;
        } catch (PortUnreachableException | ConnectException e) {
            miss = QueryCounters.REFUSED;
        } catch (QueryException e) {
            miss = A2sSplit.COMPRESSED.equals(e.reason()) ? QueryCounters.COMPRESSED : QueryCounters.MALFORMED;
            log.debug("query {}: {}", config.service(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            miss = QueryCounters.ERROR;
            log.debug("query {} failed", config.service(), e);
        }
        counters.miss(miss);
        missed(miss);
        return null;
    }

    private void answered(QueryResult r) {
        Availability.Change c = availability.answered();
        state = new State(true, r, c == Availability.Change.NONE && state.up() ? state.sinceNanos() : r.atNanos());
        guard(() -> listener.answered(r));
        if (c == Availability.Change.BACK) {
            log.info("game server {} ({}:{}) answers again", config.service(), config.host(), config.port());
            guard(() -> listener.back(config.service(), r.atNanos(), r));
        }
    }

    private void missed(String reason) {
        long now = clock.nanos();
        if (availability.missed() != Availability.Change.NOT_ANSWERING) return;
        state = new State(false, state.last(), now);
        log.info("game server {} ({}:{}) is not answering {} queries: {}", config.service(), config.host(), config.port(),
                config.protocol().configName(), reason);
        guard(() -> listener.notAnswering(config.service(), now, reason));
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            counters.listenerError();
            log.warn("query listener failed for {}", config.service(), e);
        }
    }

    @Override
    public void close() {
        Periodic t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) t.stop(config.timeout().plusSeconds(1));
        synchronized (this) {
            try {
                querier.close();
            } catch (IOException e) {
                log.debug("closing query socket of {}", config.service(), e);
            }
        }
    }
}
