package netwarden.sinks.notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Severity;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.LocalHttp;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.WebhookUrl;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.Test;

/**
 * A local server plays Discord: it checks every payload against the documented limits, keeps a
 * rate-limit bucket of 5 requests per 100 ms (answering 429 when the client ignores it), and answers
 * a random 20 % of requests with 429 and a JSON retry_after. Every event must arrive exactly once,
 * in order, within the limits.
 */
class DiscordChannelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("(?:svc|alert)-(\\d+)");

    /** The fake's rate-limit state; touched only by the server's single handler thread. */
    private static final class Bucket {
        int remaining = 5;
        long resetAt;
        int early, random429;
    }

    @Test
    void everyEventArrivesOnceInOrderWithinTheLimitsDespiteRateLimits() throws Exception {
        Bucket bucket = new Bucket();
        SplittableRandom random = new SplittableRandom(7);
        List<String> violations = new CopyOnWriteArrayList<>();
        List<Integer> accepted = new CopyOnWriteArrayList<>();
        try (LocalHttp discord = new LocalHttp(r -> {
            long now = System.nanoTime();
            if (bucket.remaining == 0 && now < bucket.resetAt) {
                bucket.early++;
                return new LocalHttp.Reply(429, Map.of("Content-Type", "application/json"), "{\"message\":\"You are being rate limited.\",\"retry_after\":0.05,\"global\":false}");
            }
            if (bucket.remaining == 0) bucket.remaining = 5;
            if (random.nextInt(5) == 0) {
                bucket.random429++;
                return new LocalHttp.Reply(429, Map.of("Content-Type", "application/json", "Retry-After", "1"), "{\"retry_after\":0.02,\"global\":false}");
            }
            JsonNode payload = MAPPER.readTree(r.body());
            violations.addAll(DiscordRules.violations(payload));
            Matcher m = MARKER.matcher(payload.path("embeds").get(0).path("title").asText());
            accepted.add(m.find() ? Integer.parseInt(m.group(1)) : -1);
            bucket.remaining--;
            if (bucket.remaining == 0) bucket.resetAt = now + 100_000_000L;
            return new LocalHttp.Reply(204, Map.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", Integer.toString(bucket.remaining),
                    "X-RateLimit-Reset-After", bucket.remaining == 0 ? "0.1" : "0.5"), "");
        })) {
            DiscordConfig config = new DiscordConfig("players", new WebhookUrl(discord.uri("/api/webhooks/1/secret-token")), "netwarden",
                    DeliveryConfig.defaults().withMaxAttempts(3), false);
            Channel channel = new Channel("players", "discord", new DiscordSender(config, new NoticeViews(AddressFormat.fullAddresses(), true),
                    Sleeper.SYSTEM, Clock.SYSTEM), config.delivery(), Sleeper.SYSTEM, Clock.SYSTEM, new SplittableRandom(1));
            channel.start();
            int n = 30;
            for (int i = 0; i < n; i++) assertThat(channel.offer(NotifyFixtures.notice(event(i)))).isTrue();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (channel.sent() + channel.failed() < n && System.nanoTime() < deadline) Thread.sleep(20);
            channel.close(Duration.ofSeconds(2));

            assertThat(violations).isEmpty();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) expected.add(i);
            assertThat(accepted).containsExactlyElementsOf(expected);
            assertThat(channel.sent()).isEqualTo(n);
            assertThat(channel.failed()).isZero();
            assertThat(bucket.random429).as("the fake did rate limit").isPositive();
            assertThat(bucket.early).as("requests sent while the bucket was empty").isZero();
        }
    }

    @Test
    void aDeletedWebhookFailsAtOnceAndTheUrlNeverAppearsInTheError() throws Exception {
        try (LocalHttp discord = new LocalHttp(r -> new LocalHttp.Reply(404, Map.of(), "{\"message\": \"Unknown Webhook\", \"code\": 10015}"))) {
            DiscordConfig config = DiscordConfig.of("alerts", new WebhookUrl(discord.uri("/api/webhooks/1/secret-token")));
            Channel channel = new Channel("alerts", "discord", new DiscordSender(config, new NoticeViews(AddressFormat.masked(), true),
                    Sleeper.SYSTEM, Clock.SYSTEM), config.delivery(), Sleeper.SYSTEM, Clock.SYSTEM, new SplittableRandom(1));
            Channel.Result r = channel.deliverNow(NotifyFixtures.notice(NotifyFixtures.joined("q3", "203.0.113.9", NotifyFixtures.T0)));
            assertThat(r.sent()).isFalse();
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.error()).contains("HTTP 404", "Unknown Webhook", "http://127.0.0.1:").doesNotContain("secret-token");
            assertThat(discord.requests()).hasSize(1);
            String body = new String(discord.requests().getFirst().body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("203.0.113.9").contains("203.0.113.x#");
            assertThat(config.toString()).doesNotContain("secret-token");
        }
    }

    private static Event event(int i) {
        long ts = NotifyFixtures.T0 + i * 1_000_000_000L;
        return switch (i % 3) {
            case 0 -> NotifyFixtures.joined("svc-" + i, "203.0.113." + (i + 1), ts);
            case 1 -> NotifyFixtures.alert("alert-" + i, "warning", ts, 40, 7000); // oversized: must be cut to fit
            default -> NotifyFixtures.attack("svc-" + i, Severity.HIGH, ts);
        };
    }
}
