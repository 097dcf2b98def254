package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes and messages of the command line, run in-process. */
class CliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "run --help", "replay --help", "check-config --help", "demo --help", "help replay", "flows decode --help",
        "notify --help", "notify test --help", "geoip update --help", "tls init --help", "help tls"})
    void helpExitsZero(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: netwarden");
    }

    @Test
    void topLevelHelpListsEveryCommandAndTheExitCodes() {
        String out = CliRun.of("--help").out();
        assertThat(out).contains("run", "replay", "flows", "check-config", "demo", "notify", "geoip", "tls")
                .contains("Exit codes: 0 ok, 1 runtime failure, 2 bad usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "replay --version", "run -V", "tls init --version", "notify test --version"})
    void everyCommandsVersionOptionPrintsTheVersion(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("netwarden " + VersionProvider.version());
    }

    @Test
    void theCommandListShowsEachCommandsWholeFirstSentence() {
        var lines = CliRun.of("--help").out().lines().filter(l -> l.matches("  [a-z-]+ {2,}\\S.*")).toList();
        assertThat(lines).extracting(l -> l.strip().split(" ")[0]).as("the command list")
                .contains("run", "agent", "server", "replay", "flows", "check-config", "demo", "notify", "geoip", "tls");
        for (String line : lines) assertThat(line.strip()).as("summary of: " + line).endsWith(".");
    }

    @Test
    void aNamedCommandBuildsOnlyItsOwnTreeAndEverythingElseTheWholeOne() {
        CliContext context = new CliContext(Map.of());
        assertThat(Main.commandLine(context, "replay", "x.pcap").getSubcommands()).containsOnlyKeys("replay");
        assertThat(Main.commandLine(context, "notify", "test").getSubcommands()).containsOnlyKeys("notify");
        assertThat(Main.commandLine(context, "notify", "test").getSubcommands().get("notify").getSubcommands()).containsKey("test");
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "replay"}, {"frobnicate"}}) {
            assertThat(Main.commandLine(context, args).getSubcommands()).as(String.join(" ", args))
                    .containsOnlyKeys("run", "agent", "server", "replay", "flows", "check-config", "demo", "notify", "geoip", "tls", "help");
        }
    }

    @Test
    void convertersAndExitCodesReachALazilyBuiltCommand() {
        CliRun run = CliRun.of("run", "--listen", "nowhere", "--pcap", "x");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere");
    }

    @Test
    void commandGroupsWithoutASubcommandSayWhichExist() {
        for (String group : new String[] {"notify", "geoip", "tls"}) {
            CliRun run = CliRun.of(group);
            assertThat(run.code()).as(group).isEqualTo(2);
            assertThat(run.err()).contains("netwarden " + group + ": a ");
        }
    }

    @Test
    void geoipUpdateFillsTheDataDirectoryOfTheConfig() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "enrich:\n  data-dir: " + dir.resolve("geo") + "\n");
        // A program that fails at once stands in for npm: the target directory is printed before npm runs.
        CliRun run = CliRun.of("geoip", "update", "--config", config.toString(), "--npm", "/bin/false", "--timeout", "10s");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("fetching GeoIP/ASN data into " + dir.resolve("geo"));
        assertThat(run.err()).contains("netwarden geoip update: ");
        CliRun explicit = CliRun.of("geoip", "update", "--config", config.toString(), "--dir", dir.resolve("other").toString(),
                "--npm", "/bin/false");
        assertThat(explicit.out()).contains("into " + dir.resolve("other"));
    }

    @Test
    void versionNamesNetwardenAndJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("netwarden " + VersionProvider.version()).contains("Java " + Runtime.version().feature());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "replay --bogus x.pcap", "replay", "replay --format xml x.pcap", "run --speed fast --pcap x",
        "run --listen nowhere --pcap x", "run --capture sniff", "demo --duration 10", "demo --seed abc", "check-config", "frobnicate"})
    void badUsageExitsTwo(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).isNotBlank();
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required").contains("Usage: netwarden");
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThat(CliRun.of("run", "--listen", "127.0.0.1:99999", "--pcap", "x").err()).contains("listen port must be 0..65535: 99999");
        assertThat(CliRun.of("demo", "--duration", "10").err()).contains("'10' needs a unit");
    }

    @Test
    void checkConfigPrintsTheEffectiveConfigWithSecretsRedacted() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "api:\n  tokens:\n    - name: grafana\n      token: ${SECRET}\n");
        CliRun run = CliRun.of(Map.of("SECRET", "abcdefghijklmnopqrstuvwxyz"), "check-config", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: grafana").contains("token: <redacted>").contains("listen: 127.0.0.1:9420")
                .doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkConfigReportsFileLineColumnAndExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "http:\n  listen: 127.0.0.1:9420\n  metric-auth: true\n");
        CliRun run = CliRun.of("check-config", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(file + ":3:3: unknown key 'http.metric-auth' (likely a typo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingConfigFileIsABadConfig() {
        CliRun run = CliRun.of("check-config", dir.resolve("absent.yaml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("absent.yaml: config file not found");
    }

    @Test
    void environmentTokenIsValidatedAndRedacted() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");
        CliRun ok = CliRun.of(Map.of("NETWARDEN_API_TOKEN", "0123456789abcdef-env"), "check-config", file.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("name: env").doesNotContain("0123456789abcdef-env");
        CliRun bad = CliRun.of(Map.of("NETWARDEN_API_TOKEN", "short"), "check-config", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("NETWARDEN_API_TOKEN: api token 'env' is too short");
    }

    @Test
    void runWithoutASourceSaysSoAndExitsTwo() {
        CliRun run = CliRun.of("run", "--listen", "127.0.0.1:0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no packet source configured: give --pcap FILE")
                .contains("--capture auto|ebpf|pcap|proc").contains("netwarden demo").doesNotContain("not available");
    }

    @Test
    void runWithACaptureFileAndLiveCaptureIsBadUsage() {
        for (String flag : new String[] {"--capture", "--interface"}) {
            CliRun run = CliRun.of("run", "--listen", "127.0.0.1:0", "--pcap", "x.pcap", flag, flag.equals("--capture") ? "pcap" : "lo");
            assertThat(run.code()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--pcap and --capture/--interface exclude each other");
        }
    }

    @Test
    void runLiveOnAMissingInterfaceFailsBeforeServingAndNamesIt() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "pcap capture needs root (or CAP_NET_RAW)");
        CliRun run = CliRun.of(Map.of("XDG_STATE_HOME", dir.toString()), "run", "--listen", "127.0.0.1:0", "--capture", "pcap",
                "--interface", "nosuch0");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("run: error: ").contains("nosuch0");
    }

    @Test
    void helpOfRunNamesTheLiveCaptureFlags() {
        assertThat(CliRun.of("run", "--help").out()).contains("--capture=auto|ebpf|pcap|proc").contains("--interface=IF")
                .contains("docs/capture.md").doesNotContain("not available");
    }

    @Test
    void runWithAMissingCaptureExitsOne() {
        CliRun run = CliRun.of("run", "--listen", "127.0.0.1:0", "--pcap", dir.resolve("absent.pcap").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read capture file").contains("no such file");
    }

    @Test
    void runOfAFileThatIsNoCaptureExitsOneSayingSo() throws Exception {
        java.nio.file.Path yaml = java.nio.file.Files.writeString(dir.resolve("netwarden.yaml"), "services: []\n");
        CliRun run = CliRun.of("run", "--listen", "127.0.0.1:0", "--pcap", yaml.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(yaml + " is not a capture file (pcap or pcapng): magic 0x73657276 is neither pcap");
    }

    @Test
    void runWithABadConfigExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "flows:\n  capacity: 3\n");
        CliRun run = CliRun.of("run", "--config", file.toString(), "--pcap", "x.pcap");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2:3: flows.capacity must be at least 16: 3");
    }
}
