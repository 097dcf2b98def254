package netwarden.sinks.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Severity;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.LocalHttp;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.config.WebhookUrl;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.Test;

/** A local server plays Slack: checks Block Kit limits and escaping, answers 429 with Retry-After now and then. */
class SlackChannelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyEventArrivesOnceInOrderWithinSlackLimits() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        List<String> titles = new CopyOnWriteArrayList<>();
        try (LocalHttp slack = new LocalHttp(r -> {
            if (calls.incrementAndGet() % 3 == 0) return new LocalHttp.Reply(429, Map.of("Retry-After", "0"), "rate_limited");
            JsonNode p = MAPPER.readTree(r.body());
            violations.addAll(violations(p));
            titles.add(p.path("text").asText());
            return new LocalHttp.Reply(200, Map.of(), "ok");
        })) {
            SlackConfig config = SlackConfig.of("ops", new WebhookUrl(slack.uri("/services/T000/B000/XXXX")));
            Channel channel = new Channel("ops", "slack", new SlackSender(config, new NoticeViews(AddressFormat.masked(), true)),
                    config.delivery(), Sleeper.SYSTEM, Clock.SYSTEM, new SplittableRandom(2));
            List<Event> events = List.of(NotifyFixtures.joined("q3", "203.0.113.5", NotifyFixtures.T0),
                    NotifyFixtures.alert("<!channel> pwn & co", "critical", NotifyFixtures.T0 + 1, 30, 5000),
                    NotifyFixtures.attack("q3", Severity.LOW, NotifyFixtures.T0 + 2),
                    NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0 + 3));
            channel.start();
            for (Event e : events) channel.offer(NotifyFixtures.notice(e));
            channel.close(Duration.ofSeconds(10));
            assertThat(channel.sent()).isEqualTo(4);
            assertThat(violations).isEmpty();
            assertThat(titles).hasSize(4);
            assertThat(titles.get(0)).contains("Player joined q3");
            assertThat(titles.get(1)).contains("&lt;!channel&gt; pwn &amp; co").doesNotContain("<!channel>");
            assertThat(titles.get(2)).contains("Attack started on q3");
            assertThat(titles.get(3)).contains("Player left q3");
            String joinBody = new String(slack.requests().getFirst().body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(joinBody).contains("#2ECC71", "203.0.113.x#", "`connect play.example.org:27960`").doesNotContain("203.0.113.5");
        }
    }

    private static List<String> violations(JsonNode p) {
        List<String> v = new java.util.ArrayList<>();
        JsonNode blocks = p.path("attachments").get(0).path("blocks");
        if (blocks.size() > 50) v.add("more than 50 blocks");
        for (JsonNode b : blocks) {
            if (b.path("text").path("text").asText().length() > 3000) v.add("section text over 3000");
            if (b.path("fields").size() > 10) v.add("more than 10 fields");
            for (JsonNode f : b.path("fields")) if (f.path("text").asText().length() > 2000) v.add("field over 2000");
        }
        if (p.toString().contains("<!")) v.add("unescaped mention");
        return v;
    }
}
