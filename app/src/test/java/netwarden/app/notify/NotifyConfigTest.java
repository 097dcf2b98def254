package netwarden.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.app.config.ConfigException;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.ConfigRenderer;
import netwarden.app.config.NetwardenConfig;
import netwarden.model.Severity;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.WebhookConfig;
import org.junit.jupiter.api.Test;

/**
 * The {@code notify} and {@code enrich} sections as the main config loader binds them: typed values
 * behind the rendered text of the golden cases (secrets kept, but never printed).
 */
class NotifyConfigTest {
    private static final Map<String, String> ENV = Map.of("PLAYERS_HOOK", "https://discord.com/api/webhooks/1/players-token",
            "SMTP_PASSWORD", "smtp-secret", "HOOK_SECRET", "0123456789abcdef-secret", "XDG_STATE_HOME", "/var/lib/x");

    private static NetwardenConfig parse(Map<String, String> env, String yaml) {
        return new ConfigLoader(env, "/home/op").parse("netwarden.yaml", yaml);
    }

    @Test
    void bindsEveryChannelTypeRoutesDigestAndEnrich() {
        NetwardenConfig c = parse(ENV, """
                notify:
                  cooldown: 30s
                  max-players: {q3: 16}
                  privacy: {mask-addresses: true, show-connect: false}
                  digest: {window: 2m, threshold: 5, kinds: [player_joined]}
                  channels:
                    - {name: players, type: discord, url: "${PLAYERS_HOOK}"}
                    - name: hook
                      type: webhook
                      url: https://example.org/netwarden
                      secret: ${HOOK_SECRET}
                      mask-addresses: false
                    - name: mail
                      type: email
                      host: smtp.example.org
                      username: bot
                      password: ${SMTP_PASSWORD}
                      from: netwarden@example.org
                      to: [ops@example.org]
                    - name: ban
                      type: script
                      command: [/usr/local/bin/ban, --quiet]
                      delivery: {timeout: 5s}
                  routes:
                    - {name: severe, min-severity: high, channels: [mail, ban], continue: true}
                    - {name: joins, kinds: [player_joined, player_left], services: [q3], channels: [players], cooldown: 0s}
                    - {name: rest, channels: [hook]}
                enrich:
                  data-dir: ~/geo
                  asn-lists: [/etc/netwarden/vpn.txt]
                  returning-store: off
                """);
        NotifyConfig n = c.notifications();
        assertThat(n.cooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(n.maxPlayers()).containsEntry("q3", 16);
        assertThat(n.privacy().showConnect()).isFalse();
        assertThat(n.digest().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(n.channels()).extracting(ch -> ch.name() + ":" + ch.type())
                .containsExactly("players:discord", "hook:webhook", "mail:email", "ban:script");
        assertThat(((DiscordConfig) n.channels().get(0)).url().uri().toString()).endsWith("players-token");
        assertThat(((WebhookConfig) n.channels().get(1)).secret().reveal()).isEqualTo("0123456789abcdef-secret");
        assertThat(n.masks(n.channels().get(1))).isFalse();
        EmailConfig mail = (EmailConfig) n.channels().get(2);
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.tls()).isEqualTo(EmailConfig.Tls.STARTTLS);
        assertThat(mail.password().reveal()).isEqualTo("smtp-secret");
        ScriptConfig ban = (ScriptConfig) n.channels().get(3);
        assertThat(ban.delivery().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ban.delivery().maxAttempts()).isEqualTo(1);
        assertThat(n.routes().get(0).minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(n.routes().get(0).continueMatching()).isTrue();
        assertThat(n.routes().get(1).services()).containsExactly("q3");
        assertThat(c.enrich().enrich().dataDir()).isEqualTo(Path.of("/home/op/geo"));
        assertThat(c.enrich().enrich().asnLists()).containsExactly(Path.of("/etc/netwarden/vpn.txt"));
        assertThat(c.enrich().returningStore()).as("unquoted off").isNull();
        assertThat(n.toString() + ConfigRenderer.render(c)).doesNotContain("players-token", "smtp-secret", "abcdef-secret");
    }

    @Test
    void theEnvironmentAloneSetsUpDiscordAndTheStoreFollowsTheStateDirectory() {
        NetwardenConfig c = new ConfigLoader(Map.of("NETWARDEN_DISCORD_WEBHOOK", "https://discord.com/api/webhooks/9/t",
                "XDG_STATE_HOME", "/var/lib/x", "HOME", "/home/op")).defaults();
        assertThat(c.notifications().channels()).extracting(ch -> ch.name()).containsExactly("discord");
        assertThat(c.notifications().routes()).isEqualTo(NotifyConfig.defaultRoutes());
        assertThat(c.enrich().returningStore()).isEqualTo(Path.of("/var/lib/x/netwarden/returning"));
        assertThat(c.enrich().enrich().dataDir()).isEqualTo(Path.of("/home/op/.cache/netwarden/geoip"));
        assertThat(c.withStateDir(Path.of("/tmp/demo")).enrich().returningStore()).isEqualTo(Path.of("/tmp/demo/returning"));

        NetwardenConfig named = parse(Map.of("NETWARDEN_DISCORD_WEBHOOK", "https://discord.com/api/webhooks/9/t"), """
                notify:
                  channels: [{name: discord, type: slack, url: "https://hooks.slack.com/services/x"}]
                """);
        assertThat(named.notifications().channels()).as("a configured channel called discord wins")
                .extracting(ch -> ch.type()).containsExactly("slack");
    }

    @Test
    void recordMessagesNameTheFullKey() {
        // The records name keys relative to their place (SettingException.key); the binder joins the place.
        assertThatThrownBy(() -> parse(Map.of(), """
                notify:
                  channels:
                    - {name: hook, type: webhook, url: "https://example.org/h", secret: short}
                    - {name: mail, type: email, host: smtp.example.org, from: a@example.org, to: [b@example.org], port: 0}
                """)).isInstanceOf(ConfigException.class).hasMessage("""
                netwarden.yaml:3:65: notify.channels[0].secret must hold at least 16 characters (got 5)
                netwarden.yaml:4:99: notify.channels[1].port must be 1..65535: 0""");
    }
}
