package netwarden.sinks.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.SettingException;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {
    private static final String HOOK = "https://discord.com/api/webhooks/123456/AbCdEf-SeCrEt_ToKeN";

    @Test
    void oneLineSetupAddsADiscordChannelReceivingEverything() {
        NotifyConfig c = NotifyConfig.defaults().withEnvironment(Map.of(NotifyConfig.DISCORD_ENV, HOOK));
        assertThat(c.channels()).hasSize(1);
        DiscordConfig d = (DiscordConfig) c.channels().getFirst();
        assertThat(d.name()).isEqualTo("discord");
        assertThat(d.url().uri().toString()).isEqualTo(HOOK);
        assertThat(c.routes()).extracting(RouteRule::name).containsExactly("attack-updates", "everything");
        assertThat(c.routes()).allSatisfy(r -> assertThat(r.channels()).isEmpty()); // every channel
        assertThat(NotifyConfig.defaults().withEnvironment(Map.of())).isEqualTo(NotifyConfig.defaults());
        assertThatThrownBy(() -> NotifyConfig.defaults().withEnvironment(Map.of(NotifyConfig.DISCORD_ENV, "discord.com/api/x")))
                .hasMessageContaining("NETWARDEN_DISCORD_WEBHOOK").hasMessageNotContaining("api/x");
    }

    @Test
    void secretsNeverPrint() {
        NotifyConfig c = NotifyConfig.defaults().withEnvironment(Map.of(NotifyConfig.DISCORD_ENV, HOOK)).withChannels(List.of(
                DiscordConfig.of("d", WebhookUrl.parse("url", HOOK)),
                SlackConfig.of("s", WebhookUrl.parse("url", "https://hooks.slack.com/services/T0/B0/SlAcKsEcReT")),
                new WebhookConfig("w", WebhookUrl.parse("url", "https://example.org/hook?token=QuErYsEcReT"), new Secret("hmac-secret-0123456789"),
                        Map.of("Authorization", new Secret("Bearer HeAdErSeCrEt")), DeliveryConfig.defaults(), null),
                new EmailConfig("m", "smtp.example.org", 587, EmailConfig.Tls.STARTTLS, "bot", new Secret("SmTpPaSs"), "bot@example.org",
                        List.of("ops@example.org"), null, null, DeliveryConfig.defaults(), null),
                new ScriptConfig("x", List.of("/usr/local/bin/ban"), Map.of("API_KEY", new Secret("EnVsEcReT")), 1024, DeliveryConfig.defaults(), false)));
        String text = c.toString();
        assertThat(text).contains("https://discord.com/…", "https://hooks.slack.com/…", "https://example.org/…", "****");
        for (String secret : List.of("SeCrEt_ToKeN", "123456", "SlAcKsEcReT", "QuErYsEcReT", "hmac-secret", "HeAdErSeCrEt", "SmTpPaSs", "EnVsEcReT"))
            assertThat(text).doesNotContain(secret);
    }

    @Test
    void validationNamesFieldAndValue() {
        DiscordConfig d = DiscordConfig.of("alerts", WebhookUrl.parse("url", HOOK));
        assertThatThrownBy(() -> NotifyConfig.defaults().withChannels(List.of(d, d))).hasMessage("notify.channels: duplicate channel name 'alerts'");
        assertThatThrownBy(() -> NotifyConfig.defaults().withChannels(List.of(d)).withRoutes(List.of(
                new RouteRule("r", Set.of(), Set.of(), null, List.of("mail"), null, false))))
                .hasMessage("notify.routes[0].channels: no channel named 'mail' (channels: [alerts])")
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("notify.routes[0].channels"));
        assertThatThrownBy(() -> new RouteRule("r", Set.of("player_join"), Set.of(), null, List.of(), null, false))
                .hasMessageStartingWith("routes.r.kinds: unknown event kind 'player_join'");
        assertThatThrownBy(() -> new DigestConfig(true, Duration.ZERO, 10, Set.of())).hasMessage("digest.window must be positive: PT0S");
        assertThatThrownBy(() -> new DigestConfig(true, Duration.ofMinutes(1), 0, Set.of())).hasMessage("digest.threshold must be at least 1: 0");
        assertThatThrownBy(() -> new DeliveryConfig(0, 5, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("queue-capacity must be 1..1000000: 0");
        assertThatThrownBy(() -> new DeliveryConfig(10, 5, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("max-backoff must not be shorter than initial-backoff: PT2S < PT3S");
        assertThatThrownBy(() -> WebhookUrl.parse("url", "ftp://example.org/x")).hasMessage("url: url must be http or https: ftp://example.org/…");
        assertThatThrownBy(() -> DiscordConfig.of("bad name", WebhookUrl.parse("url", HOOK)))
                .hasMessageContaining("discord channel name must be 1-64 letters").hasMessageContaining("bad name");
        assertThatThrownBy(() -> WebhookConfig.of("w", WebhookUrl.parse("url", HOOK), new Secret("short")))
                .hasMessage("secret must hold at least 16 characters (got 5)");
        assertThatThrownBy(() -> new EmailConfig("m", "smtp", 25, EmailConfig.Tls.NONE, "u", null, "a@b", List.of("c@d"), null, null,
                DeliveryConfig.defaults(), null)).hasMessage("password is required with username u");
        assertThatThrownBy(() -> new EmailConfig("m", "smtp", 25, EmailConfig.Tls.NONE, null, null, "a@b", List.of("not-an-address"), null, null,
                DeliveryConfig.defaults(), null)).hasMessage("to: not an e-mail address: not-an-address");
        assertThatThrownBy(() -> new ScriptConfig("x", List.of(), Map.of(), 10, DeliveryConfig.defaults(), null)).hasMessage("command must name a program");
        assertThatThrownBy(() -> NotifyConfig.defaults().withMaxPlayers(Map.of("q3", 0))).hasMessage("notify.max-players.q3 must be positive: 0");
    }

    @Test
    void channelsMaskUnlessTheySayOtherwise() {
        DiscordConfig masked = DiscordConfig.of("a", WebhookUrl.parse("url", HOOK));
        DiscordConfig full = new DiscordConfig("b", WebhookUrl.parse("url", HOOK), null, DeliveryConfig.defaults(), false);
        NotifyConfig c = NotifyConfig.defaults();
        assertThat(c.masks(masked)).isTrue();
        assertThat(c.masks(full)).isFalse();
        assertThat(c.withPrivacy(new PrivacyConfig(false, true)).masks(masked)).isFalse();
    }
}
