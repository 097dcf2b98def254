package netwarden.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import netwarden.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config} refuses what {@code run} refuses, every problem at once, exit 2; and prints no secret. */
class CheckConfigCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void plainHttpOffLoopbackIsRefusedAsRunRefusesIt() throws IOException {
        Path c = write("open.yaml", "http:\n  listen: 0.0.0.0:9420\n");
        CliRun check = CliRun.of("check-config", c.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).startsWith(c + ":2:3: http.listen: refusing to serve plain HTTP on 0.0.0.0:9420, which is not a loopback address")
                .contains("--allow-plain-http");
        Path pcap = write("any.pcap", "");
        CliRun run = CliRun.of("run", "--config", c.toString(), "--pcap", pcap.toString());
        assertThat(run.code()).as("run refuses the same, before it starts").isEqualTo(2);
        assertThat(run.err()).isEqualTo(check.err());

        CliRun allowed = CliRun.of("check-config", "--allow-plain-http", c.toString());
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("warning: serving plain HTTP on 0.0.0.0:9420");
        assertThat(CliRun.of("check-config", "--listen", "127.0.0.1:9420", c.toString()).code()).isZero();
    }

    @Test
    void aWebConfigWithoutTlsServesNoHttpsAndSaysSo() throws IOException {
        Path web = write("web.yml", "basic_auth_users:\n  prometheus: $2y$10$abcdefghijklmnopqrstuuJ1hNZ2jCy0kfq1m7mGEvxA2M6oTXmDK\n");
        Path open = write("open.yaml", "http:\n  listen: 0.0.0.0:9420\n  web-config: " + web + "\n");
        CliRun refused = CliRun.of("check-config", open.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("(the web config " + web + " has no tls_server_config)");
        Path local = write("local.yaml", "http:\n  web-config: " + web + "\n");
        CliRun warned = CliRun.of("check-config", local.toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("warning: serving plain HTTP on 127.0.0.1:9420 (the web config " + web + " has no tls_server_config)");
    }

    @Test
    void everyProblemOfTheFileAtOnceEachAtItsPlace() throws IOException {
        Path c = write("bad.yaml", """
                players:
                  leave-after: 999999999999999999d
                  min-pps-in: 1e309
                flows:
                  capacity: 2147483647
                source:
                  pcap: /nonexistent/netwarden/capture.pcap
                """);
        CliRun check = CliRun.of("check-config", c.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err().lines()).hasSize(3).satisfiesExactly(
                l -> assertThat(l).startsWith(c + ":2:3: players.leave-after: duration '999999999999999999d' is too large"),
                l -> assertThat(l).startsWith(c + ":3:3: players.min-pps-in must be a finite number"),
                l -> assertThat(l).startsWith(c + ":5:3: flows.capacity 2147483647: the tables sized in the config need about ").contains("-Xmx"));
        Path missing = write("missing.yaml", "source:\n  pcap: /nonexistent/netwarden/capture.pcap\n");
        CliRun pcap = CliRun.of("check-config", missing.toString());
        assertThat(pcap.code()).isEqualTo(2);
        assertThat(pcap.err()).isEqualTo(missing + ":2:3: source.pcap: cannot read capture file /nonexistent/netwarden/capture.pcap: no such file\n");
    }

    /**
     * The kinds of value the YAML reader itself cannot take (a key written twice, the wrong kind inside a
     * list, an alias, an infinity, a number or duration beyond any use) are problems like any other: the
     * file's golden case lists them all, and check-config prints exactly those lines and exits 2.
     */
    @ParameterizedTest
    @ValueSource(strings = {"err-all-duplicate-keys", "err-all-list-types", "err-all-aliases", "err-all-non-finite", "err-all-huge-numbers"})
    void readerRefusalsAreReportedWithEveryOtherProblem(String golden) throws Exception {
        Path cases = Path.of(getClass().getResource("/configurations/" + golden).toURI());
        Path c = Files.copy(cases.resolve("in.yaml"), dir.resolve(golden + ".yaml"));
        String expected = Files.readString(cases.resolve("error.txt")).replace("in.yaml:", c + ":");
        assertThat(expected.lines().count()).as("a case with several problems").isGreaterThan(2);
        CliRun check = CliRun.of("check-config", c.toString());
        assertThat(check.code()).as(check.err()).isEqualTo(2);
        assertThat(check.err()).isEqualTo(expected);
    }

    @Test
    void aCommandUsingSomeSectionsIgnoresTheOthers() throws IOException {
        Path c = write("mixed.yaml", """
                api:
                  tokens: [{name: grafana, token: "${GRAFANA_TOKEN}"}]
                players:
                  join-after: soon
                notify:
                  channels: [{name: ops, type: slack, url: "https://hooks.slack.com/services/x"}]
                  cooldown: 30
                """);
        ConfigLoader loader = new ConfigLoader(Map.of());
        assertThat(loader.load(c, Set.of("windows")).notifications().channels()).as("nothing used is wrong").isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, () -> loader.load(c, Set.of("notify"))).problems())
                .as("only the notify problem counts").extracting(p -> p.problem().path()).containsExactly("notify.cooldown");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, () -> loader.load(c)).problems())
                .extracting(p -> p.line()).containsExactly(2, 4, 7);
    }

    @Test
    void aConnectPasswordIsNotPrinted() throws IOException {
        Path c = write("svc.yaml", """
                services:
                  - name: cs
                    address: 10.0.0.1
                    port: 27015
                    connect: steam://connect/10.0.0.1:27015/hunter2
                """);
        CliRun check = CliRun.of(Map.of(), "check-config", c.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("connect: steam://connect/10.0.0.1:27015 <redacted>").doesNotContain("hunter2");
    }
}
