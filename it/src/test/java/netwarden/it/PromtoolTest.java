package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import netwarden.pki.DeploymentPki;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool (Debian package prometheus) on deploy/prometheus: config, rules, and the rules' unit tests. */
class PromtoolTest {
    private static Path promtool;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPromtool() {
        promtool = Tools.find("promtool");
        Assumptions.assumeTrue(promtool != null, "promtool not installed (Debian package 'prometheus')");
    }

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> s = Files.list(Repo.deploy("prometheus/rules"))) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void theShippedConfigIsValidWithRealFilesInPlace() throws Exception {
        // The config names container paths; put real files at the same relative places under tmp.
        String config = Files.readString(Repo.deploy("prometheus/prometheus.yml")).replace("/etc/prometheus/", tmp + "/");
        Files.writeString(tmp.resolve("prometheus.yml"), config);
        DeploymentPki.create(tmp.resolve("tls"), DeploymentPki.Request.of(List.of("localhost")), false, Instant.now());
        Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(tmp.resolve("secrets/prometheus_token"), "0123456789abcdef0123456789abcdef");
        Files.createDirectories(tmp.resolve("rules"));
        for (Path rules : ruleFiles()) Files.copy(rules, tmp.resolve("rules").resolve(rules.getFileName()));

        Tools.Result r = Tools.run(List.of(promtool.toString(), "check", "config", tmp.resolve("prometheus.yml").toString()), 60);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + tmp.resolve("prometheus.yml") + " is valid prometheus config file syntax")
                .contains("SUCCESS: 11 rules found").contains("SUCCESS: 7 rules found");
    }

    /** The web configs of Prometheus, Alertmanager and node-exporter, with the files `tls init --stack` makes. */
    @Test
    void theShippedWebConfigsAreValidWithRealCertificatesInPlace() throws Exception {
        DeploymentPki.create(tmp.resolve("tls"), DeploymentPki.Request.of(List.of("localhost")), false, Instant.now(), true);
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "check", "web-config"));
        for (String name : List.of("prometheus", "alertmanager", "node-exporter"))
            command.add(StackConfigs.localCopy(tmp, name + "/web.yml").toString());
        Tools.Result r = Tools.run(command, 60);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("node-exporter-web.yml SUCCESS");
        // ... and fails when a certificate is missing, so the check is one.
        java.nio.file.Files.delete(tmp.resolve("tls/alertmanager.pem"));
        Tools.Result missing = Tools.run(List.of(promtool.toString(), "check", "web-config",
                tmp.resolve("alertmanager-web.yml").toString()), 60);
        assertThat(missing.exitCode()).as(missing.toString()).isNotZero();
    }

    @Test
    void everyRuleFileChecksClean() throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "check", "rules"));
        for (Path f : ruleFiles()) command.add(f.toString());
        Tools.Result r = Tools.run(command, 60);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).doesNotContain("WARNING", "FAILED");
    }

    @Test
    void theRuleUnitTestsPassAndCoverEveryAlert() throws Exception {
        List<Path> tests;
        try (Stream<Path> s = Files.list(Repo.deploy("prometheus/tests"))) {
            tests = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        for (Path t : tests) command.add(t.toString());
        Tools.Result r = Tools.run(command, 120);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).doesNotContain("FAILED");

        TreeSetAlerts all = new TreeSetAlerts();
        for (Path f : ruleFiles()) all.addRules(f);
        for (Path t : tests) all.addTested(t);
        assertThat(all.tested).as("alerts with a promtool test case").containsAll(all.rules);
    }

    /** Alert names defined in rule files, and those a promtool test evaluates. */
    static final class TreeSetAlerts {
        final TreeSet<String> rules = new TreeSet<>();
        final TreeSet<String> tested = new TreeSet<>();

        void addRules(Path file) throws IOException {
            for (Object g : Yaml.list(Yaml.load(file).get("groups"), "groups"))
                for (Object rule : Yaml.list(Yaml.map(g, "group").get("rules"), "rules")) {
                    Object alert = Yaml.map(rule, "rule").get("alert");
                    if (alert != null) rules.add(alert.toString());
                }
        }

        void addTested(Path file) throws IOException {
            for (Object t : Yaml.list(Yaml.load(file).get("tests"), "tests")) {
                Map<String, Object> test = Yaml.map(t, "test");
                if (!test.containsKey("alert_rule_test")) continue;
                for (Object a : Yaml.list(test.get("alert_rule_test"), "alert_rule_test")) {
                    Map<String, Object> art = Yaml.map(a, "alert_rule_test");
                    // A case counts when it expects the alert to fire at least once.
                    if (!Yaml.list(art.get("exp_alerts"), "exp_alerts").isEmpty()) tested.add(art.get("alertname").toString());
                }
            }
        }
    }
}
