package netwarden.sinks.notify.discord;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import netwarden.model.Clock;
import netwarden.sinks.notify.channel.DeliveryException;
import netwarden.sinks.notify.channel.HttpPost;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.render.NoticeViews;

/**
 * Posts embeds to a Discord webhook. Rate limits: after each answer it reads
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset-After}; when no request remains in the
 * bucket, the next send first waits until the bucket resets. A 429 answer makes the channel wait
 * {@code retry_after} and send the same message again, so order is kept.
 */
public final class DiscordSender implements Sender {
    private final DiscordConfig config;
    private final NoticeViews views;
    private final HttpPost http;
    private final Sleeper sleeper;
    private final Clock clock;
    private long bucketResetNanos = Long.MIN_VALUE;

    public DiscordSender(DiscordConfig config, NoticeViews views, Sleeper sleeper, Clock clock) {
        this.config = config;
        this.views = views;
        this.http = new HttpPost(config.delivery().timeout());
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public void send(Notice notice) throws DeliveryException {
        waitForBucket();
        byte[] body = DiscordPayload.json(views.view(notice), config.username());
        HttpResponse<String> r;
        try {
            r = http.post(config.url().uri(), "application/json", body, Map.of());
        } catch (DeliveryException e) {
            if (e.kind() == DeliveryException.Kind.RATE_LIMITED) bucketResetNanos = clock.nanos() + e.retryAfter().toNanos();
            throw e;
        }
        String remaining = r.headers().firstValue("X-RateLimit-Remaining").orElse(null);
        if ("0".equals(remaining)) {
            Duration reset = HttpPost.headerSeconds(r, "X-RateLimit-Reset-After").orElse(Duration.ofSeconds(1));
            bucketResetNanos = clock.nanos() + reset.toNanos();
        }
    }

    private void waitForBucket() throws DeliveryException {
        long wait = bucketResetNanos - clock.nanos();
        if (bucketResetNanos == Long.MIN_VALUE || wait <= 0) return;
        try {
            sleeper.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.permanent("interrupted while waiting for the Discord rate limit");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
