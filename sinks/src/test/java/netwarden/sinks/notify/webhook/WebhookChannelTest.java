package netwarden.sinks.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Severity;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.LocalHttp;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.config.WebhookConfig;
import netwarden.sinks.notify.config.WebhookUrl;
import netwarden.sinks.notify.render.EventJson;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRET = "correct horse battery staple";

    @Test
    void signedJsonArrivesOnceInOrderAndRetriesAfterServerErrors() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<JsonNode> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LocalHttp hook = new LocalHttp(r -> {
            long ts = Long.parseLong(r.headers().getFirst(Signature.TIMESTAMP_HEADER));
            if (!Signature.verify(SECRET, ts, r.body(), r.headers().getFirst(Signature.SIGNATURE_HEADER)))
                return new LocalHttp.Reply(401, Map.of(), "bad signature");
            if (calls.incrementAndGet() % 4 == 0) return new LocalHttp.Reply(503, Map.of(), "busy");
            delivered.add(read(r.body()));
            return new LocalHttp.Reply(200, Map.of(), "ok");
        })) {
            WebhookConfig config = new WebhookConfig("hook", new WebhookUrl(hook.uri("/netwarden")), new Secret(SECRET),
                    Map.of("Authorization", new Secret("Bearer t0ken")), DeliveryConfig.defaults(), false);
            List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
            Sleeper recording = sleeps::add;
            Channel channel = new Channel("hook", "webhook", new WebhookSender(config, new EventJson(new NoticeViews(AddressFormat.fullAddresses(), true)),
                    Clock.SYSTEM), config.delivery(), recording, Clock.SYSTEM, new SplittableRandom(3));
            List<Event> events = List.of(NotifyFixtures.joined("q3", "203.0.113.5", NotifyFixtures.T0),
                    NotifyFixtures.attack("q3", Severity.CRITICAL, NotifyFixtures.T0 + 1),
                    NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0 + 2),
                    NotifyFixtures.alert("DiskFull", "warning", NotifyFixtures.T0 + 3, 1, 10),
                    NotifyFixtures.joined("mc", "2001:db8::77", NotifyFixtures.T0 + 4));
            channel.start();
            for (Event e : events) channel.offer(NotifyFixtures.notice(e));
            channel.close(Duration.ofSeconds(10));
            assertThat(channel.sent()).isEqualTo(5);
            assertThat(sleeps).hasSize(1); // one 503, one backoff between 0.5 s and 1 s
            assertThat(sleeps.getFirst()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));

            List<JsonNode> ok = delivered;
            assertThat(ok).extracting(j -> j.path("kind").asText() + "@" + j.path("service").asText()).containsExactly(
                    "player_joined@q3", "attack_started@q3", "player_left@q3", "external_alert@DiskFull", "player_joined@mc");
            assertThat(hook.requests()).hasSize(6);
            LocalHttp.Request first = hook.requests().getFirst();
            assertThat(first.headers().getFirst("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(first.headers().getFirst("X-Netwarden-Event")).isEqualTo("player_joined");
            JsonNode join = read(first.body());
            assertThat(join.path("version").asInt()).isEqualTo(1);
            assertThat(join.path("type").asText()).isEqualTo("event");
            assertThat(join.path("service").asText()).isEqualTo("q3");
            assertThat(join.path("player").path("address").asText()).isEqualTo("203.0.113.5");
            assertThat(join.path("player").path("country").asText()).isEqualTo("AU");
            assertThat(join.path("player").path("asn").asLong()).isEqualTo(13335);
            assertThat(join.path("player").path("network").asText()).isEqualTo("hosting");
            assertThat(join.path("player").path("returning").asBoolean()).isTrue();
            assertThat(join.path("service_info").path("max_players").asInt()).isEqualTo(16);
            JsonNode attack = ok.stream().filter(j -> j.path("kind").asText().equals("attack_started")).findFirst().orElseThrow();
            assertThat(attack.path("incident").path("severity").asText()).isEqualTo("critical");
            assertThat(attack.path("incident").path("top_sources").get(0).path("address").asText()).isEqualTo("198.51.100.7");
            assertThat(attack.path("incident").path("current_pps").asLong()).isEqualTo(1_250_000);
        }
    }

    @Test
    void signatureCoversTimestampAndBody() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String sig = Signature.sign("0123456789abcdef", 1_700_000_000L, body);
        // Reference: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 0123456789abcdef
        assertThat(sig).isEqualTo("sha256=9eb18f493f8ec135d9eb2dad817c369bb4e9cbfa818657897a7437c1cd8c3a23");
        assertThat(Signature.verify("0123456789abcdef", 1_700_000_000L, body, sig)).isTrue();
        assertThat(Signature.verify("0123456789abcdef", 1_700_000_001L, body, sig)).isFalse();
        assertThat(Signature.verify("0123456789abcdeX", 1_700_000_000L, body, sig)).isFalse();
    }

    private static JsonNode read(byte[] b) {
        try {
            return MAPPER.readTree(b);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
