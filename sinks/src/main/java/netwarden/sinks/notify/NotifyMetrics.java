package netwarden.sinks.notify;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import netwarden.sinks.notify.channel.Channel;

/**
 * Delivery metrics of the notifiers, read from the channels at scrape time:
 * {@code netwarden_notify_sent_total{channel}}, {@code _failed_total{channel}},
 * {@code _retries_total{channel}}, {@code _rate_limit_waits_total{channel}} and
 * {@code _rate_limit_wait_seconds_total{channel}} (HTTP 429 answers waited out),
 * {@code netwarden_notify_suppressed_total{reason}} (reason "cooldown", "digest", or "quiet" for quiet hours and maintenance windows); and the script
 * hook's {@code netwarden_notify_script_exit_total{channel,code}}. Queue drops and depths of the router
 * and the channels are the sink family ({@link netwarden.sinks.route.SinkMetrics}, sinks {@code notify}
 * and {@code notify/<channel>}).
 */
public final class NotifyMetrics {
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final LongAdder suppressedCooldown = new LongAdder();
    private final LongAdder suppressedDigest = new LongAdder();
    private final LongAdder suppressedQuiet = new LongAdder();
    private final Counter scriptExits = Counter.builder().name("netwarden_notify_script_exit_total")
            .help("Script hook runs by exit status (code 'timeout' when killed, 'not_started' when the program could not start).")
            .labelNames("channel", "code").build();

    /** Adds the metrics to {@code registry}; call once. */
    public void register(PrometheusRegistry registry) {
        channelCounter(registry, "netwarden_notify_sent_total", "Notices delivered, by channel.", Channel::sent);
        channelCounter(registry, "netwarden_notify_failed_total", "Notices given up after retries or a permanent error, by channel.", Channel::failed);
        channelCounter(registry, "netwarden_notify_retries_total", "Delivery attempts after a failed one, by channel.", Channel::retries);
        channelCounter(registry, "netwarden_notify_rate_limit_waits_total", "Rate-limit answers (HTTP 429) waited out, by channel.",
                Channel::rateLimitWaits);
        CounterWithCallback.builder().name("netwarden_notify_rate_limit_wait_seconds_total")
                .help("Seconds spent waiting out rate-limit answers, by channel.").labelNames("channel")
                .callback(cb -> channels.forEach(c -> cb.call(c.rateLimitWaitSeconds(), c.name()))).register(registry);
        CounterWithCallback.builder().name("netwarden_notify_suppressed_total")
                .help("Notices not sent on their own: held by a route cooldown, folded into a digest, or silenced by quiet hours or maintenance.")
                .labelNames("reason").callback(cb -> {
                    cb.call(suppressedCooldown.sum(), "cooldown");
                    cb.call(suppressedDigest.sum(), "digest");
                    cb.call(suppressedQuiet.sum(), "quiet");
                }).register(registry);
        registry.register(scriptExits);
    }

    private void channelCounter(PrometheusRegistry registry, String name, String help, ToLongFunction<Channel> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("channel")
                .callback(cb -> channels.forEach(c -> cb.call(value.applyAsLong(c), c.name()))).register(registry);
    }

    void addChannel(Channel c) {
        channels.add(c);
    }

    Counter scriptExits() {
        return scriptExits;
    }

    void suppressedCooldown() {
        suppressedCooldown.increment();
    }

    void suppressedDigest() {
        suppressedDigest.increment();
    }

    void suppressedQuiet() {
        suppressedQuiet.increment();
    }

    public long suppressedQuietCount() {
        return suppressedQuiet.sum();
    }

    public long suppressedCooldownCount() {
        return suppressedCooldown.sum();
    }

    public long suppressedDigestCount() {
        return suppressedDigest.sum();
    }
}
