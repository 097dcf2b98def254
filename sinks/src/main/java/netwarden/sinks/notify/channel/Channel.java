package netwarden.sinks.notify.channel;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import netwarden.model.Clock;
import netwarden.sinks.notify.config.DeliveryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification channel: a bounded queue, a worker thread that hands notices to a {@link Sender}
 * in order, retries with backoff, and delivery counters.
 *
 * <p>Design notes: {@link #offer} never blocks: when the queue is full (or the channel is closing)
 * the notice is dropped and counted. One worker per channel keeps order; a notice is retried at
 * the head of the queue until it is sent or given up, so later notices never overtake it. A
 * rate-limit answer waits as long as the receiver asks and does not use up an attempt (at most
 * {@value #MAX_RATE_LIMIT_WAITS} times per notice). A sender that throws anything is caught and
 * counted as a failure; it cannot kill the worker. Failures are logged at WARN at most once a
 * minute per channel, the rest at DEBUG. {@link #close} stops taking notices, lets the worker
 * drain the queue until the deadline, then interrupts it and counts what is left as dropped.
 */
public final class Channel {
    static final int MAX_RATE_LIMIT_WAITS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    /** The outcome of {@link #deliverNow}. */
    public record Result(boolean sent, int attempts, String error) {}

    private final String name;
    private final String type;
    private final Sender sender;
    private final DeliveryConfig delivery;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final BlockingQueue<Notice> queue;
    private final LongAdder sent = new LongAdder(), failed = new LongAdder(), dropped = new LongAdder();
    private final Thread worker;
    private volatile boolean closing;
    private volatile long closeDeadlineNanos = Long.MAX_VALUE;
    private long lastWarnNanos = Long.MIN_VALUE;

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
        this.queue = new ArrayBlockingQueue<>(delivery.queueCapacity());
        this.worker = Thread.ofVirtual().name("netwarden-notify-" + name).unstarted(this::drain);
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
        if (closing || !queue.offer(notice)) {
            dropped.increment();
            return false;
        }
        return true;
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

    public long dropped() {
        return dropped.sum();
    }

    /** Notices waiting. */
    public int depth() {
        return queue.size();
    }

    private void drain() {
        try {
            while (true) {
                Notice n = queue.poll(100, TimeUnit.MILLISECONDS);
                if (n != null) deliver(n);
                else if (closing) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                    }
                    default -> {
                        if (attempts >= delivery.maxAttempts()) return fail(notice, attempts, why);
                        Duration b = backoff.after(attempts);
                        wait = b.compareTo(e.retryAfter()) >= 0 ? b : e.retryAfter();
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
        long now = clock.nanos();
        String line = "channel " + name + " (" + type + "): could not deliver " + notice.kind() + " after " + attempts
                + " attempt(s): " + why;
        if (lastWarnNanos == Long.MIN_VALUE || now - lastWarnNanos >= WARN_EVERY_NANOS) {
            lastWarnNanos = now;
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
        return new Result(false, attempts, why);
    }

    /**
     * Stops taking notices and delivers what is queued until {@code deadline} has passed (retries
     * that would end after it give up), then stops the worker; what is still queued counts as dropped.
     */
    public void close(Duration deadline) {
        closing = true;
        closeDeadlineNanos = clock.nanos() + deadline.toNanos();
        try {
            if (worker.isAlive() && !worker.join(deadline)) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = 0;
        while (queue.poll() != null) left++;
        dropped.add(left);
        sender.close();
    }
}
