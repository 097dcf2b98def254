package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** amtool (Debian package prometheus-alertmanager) on the shipped config and on what entrypoint.sh renders. */
class AlertmanagerConfigTest {
    private static Path amtool;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findAmtool() {
        amtool = Tools.find("amtool");
        Assumptions.assumeTrue(amtool != null, "amtool not installed (Debian package 'prometheus-alertmanager')");
    }

    @Test
    void theShippedConfigChecks() throws Exception {
        Tools.Result r = Tools.run(List.of(amtool.toString(), "check-config", Repo.deploy("alertmanager/alertmanager.yml").toString()), 30);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("SUCCESS", "4 receivers", "1 inhibit rules");
    }

    @Test
    void theEntrypointRendersTheSettingsAndStartsAlertmanagerWithIt() throws Exception {
        // A stand-in for the alertmanager binary: checks the rendered file with amtool, as Alertmanager would load it.
        Path fake = tmp.resolve("fake-alertmanager");
        Files.writeString(fake, "#!/bin/sh\nconfig=${1#--config.file=}\nshift\necho \"args: $*\"\nexec " + amtool
                + " check-config \"$config\"\n");
        fake.toFile().setExecutable(true);
        Path rendered = tmp.resolve("rendered.yml");
        String url = "https://discord.com/api/webhooks/123456/abc-DEF_ghi?thread_id=9&wait=true";
        Tools.Result r = Tools.run(List.of("sh", Repo.deploy("alertmanager/entrypoint.sh").toString(), "--web.listen-address=127.0.0.1:9093"),
                Map.of("AM_CONFIG_IN", Repo.deploy("alertmanager/alertmanager.yml").toString(), "AM_CONFIG_OUT", rendered.toString(),
                        "ALERTMANAGER_BIN", fake.toString(), "DISCORD_WEBHOOK_URL", url,
                        "ALERT_EMAIL_TO", "ops@game.example", "SMTP_SMARTHOST", "mail.game.example:465"), tmp, 30);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("args: --web.listen-address=127.0.0.1:9093", "SUCCESS");

        Map<String, Object> am = Yaml.load(rendered);
        Map<String, Object> global = Yaml.map(am.get("global"), "global");
        assertThat(global).containsEntry("smtp_smarthost", "mail.game.example:465")
                .containsEntry("smtp_from", "netwarden@example.org");
        String text = Files.readString(rendered);
        assertThat(text).contains("webhook_url: " + url).contains("to: ops@game.example").doesNotContain("DISCORD_WEBHOOK_ID");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(rendered)))
                .as("the rendered file holds the webhook secret").isEqualTo("rw-------");
    }

    @Test
    void theEntrypointRefusesToStartWithoutADiscordUrl() throws Exception {
        Tools.Result r = Tools.run(List.of("sh", Repo.deploy("alertmanager/entrypoint.sh").toString()),
                Map.of("AM_CONFIG_OUT", tmp.resolve("x.yml").toString(), "ALERTMANAGER_BIN", "/bin/true"), tmp, 30);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("DISCORD_WEBHOOK_URL is not set");
    }

    @Test
    void netwardenDownGoesAroundNetwardenAndEverythingElseThroughIt() throws Exception {
        Map<String, Object> route = Yaml.map(Yaml.load(Repo.deploy("alertmanager/alertmanager.yml")).get("route"), "route");
        assertThat(route).containsEntry("receiver", "netwarden");
        Tools.Result down = Tools.run(List.of(amtool.toString(), "config", "routes", "test", "--config.file="
                + Repo.deploy("alertmanager/alertmanager.yml"), "alertname=NetwardenDown", "severity=critical"), 30);
        assertThat(lastLine(down)).isEqualTo("discord-and-email");
        Tools.Result attack = Tools.run(List.of(amtool.toString(), "config", "routes", "test", "--config.file="
                + Repo.deploy("alertmanager/alertmanager.yml"), "alertname=NetwardenAttackActive", "severity=critical"), 30);
        // One message per attack event: netwarden sends its own, so Alertmanager's attack route is off by default.
        assertThat(lastLine(attack)).isEqualTo("attacks-off");
        Tools.Result cpu = Tools.run(List.of(amtool.toString(), "config", "routes", "test", "--config.file="
                + Repo.deploy("alertmanager/alertmanager.yml"), "alertname=HostHighCpu", "severity=warning"), 30);
        assertThat(lastLine(cpu)).isEqualTo("netwarden");
    }

    /** The routing answer; amtool may print a warning about its own config file before it. */
    private static String lastLine(Tools.Result r) {
        return r.output().strip().lines().reduce((a, b) -> b).orElse("");
    }
}
