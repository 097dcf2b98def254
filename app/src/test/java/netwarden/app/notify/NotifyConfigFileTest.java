package netwarden.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.config.ConfigException;
import netwarden.model.Severity;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.WebhookConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigFileTest {
    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of("PLAYERS_HOOK", "https://discord.com/api/webhooks/1/players-token",
            "SMTP_PASSWORD", "smtp-secret", "HOOK_SECRET", "0123456789abcdef-secret");

    private NotifyConfigFile.Loaded load(String yaml, Map<String, String> env) throws IOException {
        Path f = dir.resolve("netwarden.yaml");
        Files.writeString(f, yaml);
        return new NotifyConfigFile(env, "/home/op").load(f);
    }

    @Test
    void bindsEveryChannelTypeRoutesDigestAndEnrich() throws IOException {
        NotifyConfigFile.Loaded l = load("""
                http:
                  listen: 127.0.0.1:9100      # other sections are left to the main loader
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
                  returning-store: "off"
                """, ENV);
        NotifyConfig n = l.notifications();
        assertThat(n.cooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(n.maxPlayers()).containsEntry("q3", 16);
        assertThat(n.privacy().showConnect()).isFalse();
        assertThat(n.digest().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(n.channels()).extracting(c -> c.name() + ":" + c.type())
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
        assertThat(l.enrich().enrich().dataDir()).isEqualTo(Path.of("/home/op/geo"));
        assertThat(l.enrich().enrich().asnLists()).containsExactly(Path.of("/etc/netwarden/vpn.txt"));
        assertThat(l.enrich().returningStore()).isNull();
        assertThat(n.toString()).doesNotContain("players-token", "smtp-secret", "abcdef-secret");
    }

    @Test
    void environmentOnlySetupNeedsNoFile() {
        NotifyConfigFile.Loaded l = new NotifyConfigFile(Map.of("NETWARDEN_DISCORD_WEBHOOK", "https://discord.com/api/webhooks/9/t",
                "XDG_STATE_HOME", "/var/lib/x"), "/home/op").defaults();
        assertThat(l.notifications().channels()).extracting(c -> c.name()).containsExactly("discord");
        assertThat(l.enrich().returningStore()).isEqualTo(Path.of("/var/lib/x/netwarden/returning"));
        assertThat(l.enrich().enrich().dataDir()).isEqualTo(Path.of("/home/op/.cache/netwarden/geoip"));
    }

    @Test
    void errorsNameThePlace() {
        assertThatThrownBy(() -> load("notify:\n  channels:\n    - {name: a, type: discord, url: x, hots: y}\n", ENV))
                .isInstanceOf(ConfigException.class).hasMessageContaining("netwarden.yaml:3:").hasMessageContaining("hots");
        assertThatThrownBy(() -> load("notify:\n  channels:\n    - {name: a, type: discord, url: 'https://d.example/x', host: y}\n", ENV))
                .hasMessageContaining("notify.channels[0].host is not a setting of a discord channel");
        assertThatThrownBy(() -> load("notify:\n  channels:\n    - {name: a, type: discord, url: '${NOPE}'}\n", ENV))
                .hasMessageContaining("notify.channels[0].url").hasMessageContaining("environment variable NOPE is not set");
        assertThatThrownBy(() -> load("notify:\n  routes:\n    - {name: r, min-severity: huge}\n", ENV))
                .hasMessageContaining("notify.routes[0].min-severity must be low, medium, high or critical: huge");
        assertThatThrownBy(() -> load("notify:\n  channels:\n    - {name: a, type: pager}\n", ENV))
                .hasMessageContaining("notify.channels[0].type must be discord, slack, webhook, email or script: pager");
        assertThatThrownBy(() -> load("notify:\n  cooldown: 5\n", ENV)).hasMessageContaining("notify.cooldown").hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> load("notify:\n  channels:\n    - {name: a, type: webhook, url: 'https://e.example/h', secret: short}\n", ENV))
                .hasMessageContaining("notify.channels[0]: secret must hold at least 16 characters (got 5)");
    }
}
