package netwarden.sinks.notify.channel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import netwarden.model.Clock;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.route.Sink;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkWorker;
import netwarden.sinks.route.WarnLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification channel: a {@link SinkWorker} (sink {@code notify/<name>}) that hands notices to
 * a {@link Sender} one at a time in order, retries with backoff, and delivery counters.
 *
 * <p>Design notes: {@link #offer} never blocks: when the queue is full (or the channel is closing)
 * the notice is dropped and counted by the worker. The worker takes one notice at a time (batch of
 * one), which is retried until it is sent or given up, so later notices never overtake it. A
 * rate-limit answer waits as long as the receiver asks and does not use up an attempt (at most
 * {@value #MAX_RATE_LIMIT_WAITS} times per notice). A sender that throws anything is caught and
 * counted as a failure; it cannot kill the worker. Failures are logged at WARN at most once a
 * minute per channel, the rest at DEBUG. {@link #close} stops taking notices, lets the worker
 * drain the queue until the deadline (retries that would end after it give up), then interrupts it
 * and counts what is left as dropped.
 */
public final class Channel {
    static final int MAX_RATE_LIMIT_WAITS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

    /** The outcome of {@link #deliverNow}. */
    public record Result(boolean sent, int attempts, String error) {}

    private final String name;
    private final String type;
    private final Sender sender;
    private final DeliveryConfig delivery;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final SinkWorker<Notice> worker;
    private final WarnLimiter warn;
    private final LongAdder sent = new LongAdder(), failed = new LongAdder(), retries = new LongAdder(), rateLimitWaits = new LongAdder();
    private final LongAdder rateLimitWaitNanos = new LongAdder();
    private volatile long closeDeadlineNanos = Long.MAX_VALUE;

    /** No side effects; {@link #start()} starts the worker. */
    public Channel(String name, String type, Sender sender, DeliveryConfig delivery, Sleeper sleeper, Clock clock,
                   RandomGenerator random) {
        this.name = name;
        this.type = type;
        this.sender = sender;
        this.delivery = delivery;
        this.sleeper = sleeper;
        this.clock = clock;
        this.backoff = new Backoff(delivery, random);
        this.warn = new WarnLimiter(LOG, clock, WarnLimiter.MINUTE_NANOS);
        this.worker = new SinkWorker<>(new Delivery(), new SinkConfig(delivery.queueCapacity(), 1, SinkConfig.DEFAULT_MAX_IDLE), clock);
    }

    /** The worker's sink: one notice at a time, with this channel's retries. */
    private final class Delivery implements Sink<Notice> {
        @Override
        public String name() {
            return "notify/" + name;
        }

        @Override
        public void deliver(List<Notice> batch) {
            for (Notice n : batch) Channel.this.deliver(n);
        }
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public void start() {
        worker.start();
    }

    /** Queues {@code notice} for delivery; false (and counted as dropped) when full or closing. Never blocks. */
    public boolean offer(Notice notice) {
        return worker.offer(notice);
    }

    /** Its queue and worker, for {@link netwarden.sinks.route.SinkMetrics}. */
    public SinkWorker<Notice> worker() {
        return worker;
    }

    /** Delivers on the calling thread with the usual retries (for {@code notify test}); counts like the worker. */
    public Result deliverNow(Notice notice) {
        return deliver(notice);
    }

    /**
     * One try on the calling thread, without retries or waits, even for a rate-limit answer (for
     * {@code notify test}, which must answer quickly); counts like the worker.
     */
    public Result tryOnce(Notice notice) {
        try {
            sender.send(notice);
            sent.increment();
            return new Result(true, 1, null);
        } catch (DeliveryException e) {
            return fail(notice, 1, e.getMessage());
        } catch (RuntimeException e) {
            return fail(notice, 1, "sender failed: " + e);
        }
    }

    public long sent() {
        return sent.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Attempts after a failed one (rate-limit waits not included). */
    public long retries() {
        return retries.sum();
    }

    /** Times a rate-limit answer (HTTP 429) made the channel wait, and the seconds waited. */
    public long rateLimitWaits() {
        return rateLimitWaits.sum();
    }

    public double rateLimitWaitSeconds() {
        return rateLimitWaitNanos.sum() / 1e9;
    }

    public long dropped() {
        return worker.dropped();
    }

    /** Notices waiting. */
    public int depth() {
        return worker.depth();
    }

    private Result deliver(Notice notice) {
        int attempts = 0, rateWaits = 0;
        while (true) {
            attempts++;
            Duration wait;
            try {
                sender.send(notice);
                sent.increment();
                return new Result(true, attempts, null);
            } catch (DeliveryException e) {
                String why = e.getMessage();
                switch (e.kind()) {
                    case PERMANENT -> {
                        return fail(notice, attempts, why);
                    }
                    case RATE_LIMITED -> {
                        attempts--; // waiting for the receiver is not a failed attempt
                        if (++rateWaits > MAX_RATE_LIMIT_WAITS) return fail(notice, attempts, "still rate limited after " + MAX_RATE_LIMIT_WAITS + " waits");
                        wait = e.retryAfter();
                        rateLimitWaits.increment();
                        rateLimitWaitNanos.add(wait.toNanos());
                    }
                    default -> {
                        if (attempts >= delivery.maxAttempts()) return fail(notice, attempts, why);
                        Duration b = backoff.after(attempts);
                        wait = b.compareTo(e.retryAfter()) >= 0 ? b : e.retryAfter();
                        retries.increment();
                    }
                }
                LOG.debug("channel {}: {} (waiting {} ms before trying again)", name, why, wait.toMillis());
            } catch (RuntimeException e) {
                return fail(notice, attempts, "sender failed: " + e);
            }
            if (clock.nanos() + wait.toNanos() > closeDeadlineNanos) return fail(notice, attempts, "shutting down");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail(notice, attempts, "interrupted");
            }
        }
    }

    private Result fail(Notice notice, int attempts, String why) {
        failed.increment();
        warn.log("channel " + name + " (" + type + "): could not deliver " + notice.kind() + " after " + attempts
                + " attempt(s): " + why);
        return new Result(false, attempts, why);
    }

    /**
     * Stops taking notices and delivers what is queued until {@code deadline} has passed (retries
     * that would end after it give up), then stops the worker; what is still queued counts as dropped.
     */
    public void close(Duration deadline) {
        closeDeadlineNanos = clock.nanos() + deadline.toNanos();
        worker.close(deadline, Notice::kind); // what is left is logged by kind
        sender.close();
    }
}
