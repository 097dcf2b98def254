package netwarden.sinks.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.enrich.Enricher;
import netwarden.enrich.GeoMetrics;
import netwarden.enrich.SeenAddresses;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.config.NotifyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends engine events to notification channels by the configured routes, with cooldowns and
 * storm digests. Register it as (or behind) the engine's {@link EventListener}.
 *
 * <p>Design notes: {@link #onEvent} runs on the pipeline thread and only offers the event to a
 * bounded queue (full: dropped and counted in {@code netwarden_notify_router_dropped_total}).
 * One router thread takes events in order, enriches them (GeoIP lookups and the returning-player
 * store may block here, never on the pipeline), applies {@link RouterCore}'s rules, and offers the
 * notices to each channel's own bounded queue; each channel has its own worker, so a slow or
 * hanging channel only fills its own queue. Digest windows are closed by the router thread on
 * time from the injected clock, even when no events come. {@link #close} drains the router queue,
 * sends pending digests and closes the channels within one deadline.
 */
public final class Router implements EventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final long MAX_POLL_NANOS = 1_000_000_000L;

    /**
     * What the router reads besides its config.
     *
     * @param enricher  {@link Enricher#none()} when there is no GeoIP data
     * @param seen      the returning-player store, or null for no "returning" marker
     * @param geo       for the VPN-join counter, or null
     * @param snapshots the engine's latest snapshot (services, players); may answer null
     */
    public record Deps(Enricher enricher, SeenAddresses seen, GeoMetrics geo, Supplier<EngineSnapshot> snapshots, Clock clock,
                       NotifyMetrics metrics) {
        public Deps {
            Objects.requireNonNull(enricher, "enricher");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    private final List<Channel> channels;
    private final Map<String, Channel> byName;
    private final RouterCore core;
    private final Clock clock;
    private final NotifyMetrics metrics;
    /** Queued by {@link #close} so the router thread stops waiting at once instead of at its next poll timeout. */
    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closing;

    /** No side effects; {@link #start()} starts the channels and the router thread. */
    public Router(NotifyConfig config, List<Channel> channels, Deps deps) {
        this.channels = List.copyOf(channels);
        this.byName = this.channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.clock = deps.clock();
        this.metrics = deps.metrics();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        NoticeFactory notices = new NoticeFactory(config, deps.enricher(), deps.seen(), deps.geo(), deps.snapshots());
        this.core = new RouterCore(config, this.channels.stream().map(Channel::name).toList(), notices, metrics,
                (name, notice) -> {
                    Channel c = byName.get(name);
                    if (c != null) c.offer(notice);
                });
        this.thread = Thread.ofPlatform().daemon().name("netwarden-notify-router").unstarted(this::run);
    }

    public void start() {
        metrics.routerDepth(queue::size);
        channels.forEach(Channel::start);
        thread.start();
        if (!channels.isEmpty())
            LOG.info("notifications to {}", channels.stream().map(c -> c.name() + " (" + c.type() + ")").collect(Collectors.joining(", ")));
    }

    /** Never blocks: queues the event, or drops and counts it when the queue is full. */
    @Override
    public void onEvent(Event event) {
        if (closing || !queue.offer(event)) metrics.routerDropped();
    }

    public List<Channel> channels() {
        return channels;
    }

    private void run() {
        try {
            while (true) {
                long now = clock.nanos();
                long wait = Math.min(MAX_POLL_NANOS, Math.max(1_000_000L, core.nextDeadline() - now));
                Object item = closing ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                if (item == null && closing) return;
                Event e = item instanceof Event event ? event : null; // WAKE only ends the wait
                try {
                    if (e != null) core.process(e, clock.nanos());
                    core.tick(clock.nanos());
                } catch (RuntimeException ex) {
                    LOG.warn("notification router failed on {}: {}", e == null ? "tick" : e.kind(), ex.toString());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking events; routes what is queued, sends pending digests and flushes channels, all within {@code deadline}. */
    public void close(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        closing = true;
        queue.offer(WAKE); // when the queue is full the thread is not waiting anyway
        try {
            if (thread.isAlive() && !thread.join(Duration.ofNanos(Math.max(1, (end - System.nanoTime()) / 2)))) {
                thread.interrupt();
                thread.join(Duration.ofMillis(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) core.flush();
        // Channels flush in parallel, so one hanging channel cannot use up the others' time.
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        List<Thread> closers = channels.stream().map(c -> Thread.ofVirtual().start(() -> c.close(left))).toList();
        for (Thread t : closers) {
            try {
                t.join(left.plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@link #close(Duration)} with 5 seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
