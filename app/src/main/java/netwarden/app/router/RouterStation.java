package netwarden.app.router;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netwarden.engine.router.RouterScorer;
import netwarden.sources.router.ConntrackEvent;
import netwarden.sources.router.NflogEvent;
import netwarden.sources.router.dns.DnsEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one thread of judgement: the sources' receive threads only {@link #offer} what they saw to a
 * bounded queue (full: dropped and counted as {@code queue_full}, never waiting), and this thread hands each to
 * the {@link RouterCorrelator}, whose events go to the event router.
 *
 * <p>Design notes: the correlator, the scorer and the incidents are touched by this thread only. Once a second
 * (by the injected clock) it ticks the scorer and the incidents and puts the rules of the last edit in force;
 * every {@code saveEvery} and at {@link #close()} it writes the learned baselines (a copy taken here, so the file
 * never sees a half-changed profile). {@link #close()} drains what is queued, then stops.
 */
final class RouterStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouterStation.class);
    /** Marks the end of a conntrack re-sync dump in the queue. */
    private static final Object RESYNCED = new Object();

    private final RouterCorrelator correlator;
    private final RouterScorer scorer;
    private final RouterBaselineFile baselines;
    private final Supplier<java.util.List<netwarden.engine.router.RouterRule>> rules;
    private final StationCounters counters;
    private final Clock clock;
    private final Duration saveEvery;
    private final BlockingQueue<Object> queue;
    private volatile boolean closed;
    private Thread thread;

    RouterStation(RouterCorrelator correlator, RouterScorer scorer, RouterBaselineFile baselines,
                  Supplier<java.util.List<netwarden.engine.router.RouterRule>> rules, StationCounters counters, Clock clock,
                  Duration saveEvery, int capacity) {
        this.correlator = correlator;
        this.scorer = scorer;
        this.baselines = baselines;
        this.rules = rules;
        this.counters = counters;
        this.clock = clock;
        this.saveEvery = saveEvery;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(ConntrackEvent e) {
        put(e);
    }

    void offer(NflogEvent e) {
        put(e);
    }

    void offer(DnsEvent e) {
        put(e);
    }

    void resynced() {
        put(RESYNCED);
    }

    private void put(Object o) {
        if (closed || !queue.offer(o)) counters.event("queue_full");
    }

    int queued() {
        return queue.size();
    }

    int openConnections() {
        return correlator.openConnections();
    }

    synchronized void start() {
        if (scorer != null && baselines != null) scorer.restore(baselines.load());
        correlator.rules(rules.get());
        thread = Thread.ofPlatform().name("netwarden-router").start(this::run);
    }

    private void run() {
        Instant lastTick = clock.instant(), lastSave = lastTick;
        try {
            while (!closed || !queue.isEmpty()) {
                Object o = queue.poll(100, TimeUnit.MILLISECONDS);
                if (o != null) handle(o);
                Instant now = clock.instant();
                if (Duration.between(lastTick, now).toMillis() >= 1000) {
                    lastTick = now;
                    correlator.rules(rules.get());
                    correlator.tick(now);
                }
                if (Duration.between(lastSave, now).compareTo(saveEvery) >= 0) {
                    lastSave = now;
                    save();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("router station stopped: {}", e.toString(), e);
        }
        save();
    }

    private void handle(Object o) {
        try {
            switch (o) {
                case ConntrackEvent c -> correlator.conntrack(c);
                case NflogEvent n -> correlator.nflog(n);
                case DnsEvent d -> correlator.dns(d);
                default -> {
                    if (o == RESYNCED) correlator.resynced();
                }
            }
        } catch (RuntimeException e) { // one bad record must not stop the station
            counters.event("failed");
            LOG.debug("router station: {} failed", o, e);
        }
    }

    private void save() {
        if (scorer == null || baselines == null) return;
        try {
            baselines.save(scorer.baselines());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save router baselines to {}: {}", baselines.path(), e.toString());
        }
    }

    /** Stops taking inputs, handles what is queued (bounded by the join), saves the baselines. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(10_000);
            if (t.isAlive()) {
                LOG.warn("router station did not finish within 10 s; {} inputs left", queue.size());
                t.interrupt();
            }
        }
    }
}
