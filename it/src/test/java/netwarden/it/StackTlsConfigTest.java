package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netwarden.pki.DeploymentPki;
import netwarden.pki.StackPki;
import org.junit.jupiter.api.Test;

/**
 * The TLS wiring of the stack, read statically: every hop HTTPS, every certificate a file `tls init
 * --stack` makes and mounted where the config names it. FullStackTest runs Prometheus, Alertmanager
 * and node-exporter with these files for real; Grafana is not in Debian, so its settings are only
 * checked here.
 */
class StackTlsConfigTest {
    private final Map<String, Object> compose = Yaml.load(Repo.deploy("compose/docker-compose.yml"));

    StackTlsConfigTest() throws IOException {}

    private Map<String, Object> service(String name) {
        return Yaml.map(Yaml.map(compose.get("services"), "services").get(name), name);
    }

    private List<String> strings(Object o) {
        return o == null ? List.of() : Yaml.list(o, "list").stream().map(String::valueOf).toList();
    }

    @Test
    void prometheusAlertmanagerAndNodeExporterServeWithTheirOwnWebConfigRequiringClientCertificates() throws IOException {
        for (String[] c : new String[][] {{"prometheus", "prometheus"}, {"alertmanager", "alertmanager"},
                {"node-exporter", "node-exporter"}}) {
            String name = c[0];
            assertThat(strings(service(name).get("command"))).as(name).contains("--web.config.file=/etc/" + name + "/web.yml");
            Map<String, Object> tls = Yaml.map(Yaml.load(Repo.deploy(name + "/web.yml")).get("tls_server_config"), name);
            assertThat(tls).as(name).containsEntry("cert_file", "/etc/" + name + "/tls/" + name + ".pem")
                    .containsEntry("key_file", "/etc/" + name + "/tls/" + name + "-key.pem")
                    .containsEntry("client_auth_type", "RequireAndVerifyClientCert")
                    .containsEntry("client_ca_file", "/etc/" + name + "/tls/ca.pem")
                    .containsEntry("min_version", "TLS12");
        }
    }

    @Test
    void everyHopPrometheusMakesIsHttpsCheckedAgainstTheCaWithAClientCertificate() throws IOException {
        Map<String, Object> c = Yaml.load(Repo.deploy("prometheus/prometheus.yml"));
        List<Map<String, Object>> hops = new ArrayList<>();
        for (Object am : Yaml.list(Yaml.map(c.get("alerting"), "alerting").get("alertmanagers"), "alertmanagers"))
            hops.add(Yaml.map(am, "alertmanager"));
        for (Object j : Yaml.list(c.get("scrape_configs"), "scrape_configs")) hops.add(Yaml.map(j, "job"));
        assertThat(hops).hasSize(4);
        for (Map<String, Object> hop : hops) {
            assertThat(hop.get("scheme")).as(hop.toString()).isEqualTo("https");
            Map<String, Object> tls = Yaml.map(hop.get("tls_config"), "tls_config");
            assertThat(tls).as(hop.toString()).containsEntry("ca_file", "/etc/prometheus/tls/ca.pem")
                    .containsEntry("cert_file", "/etc/prometheus/tls/client.pem")
                    .containsEntry("key_file", "/etc/prometheus/tls/client-key.pem")
                    .doesNotContainKey("insecure_skip_verify");
        }
    }

    @Test
    void grafanaServesHttpsAndReachesPrometheusWithItsClientCertificate() throws IOException {
        Map<String, Object> env = Yaml.map(service("grafana").get("environment"), "grafana.environment");
        assertThat(env).containsEntry("GF_SERVER_PROTOCOL", "https")
                .containsEntry("GF_SERVER_CERT_FILE", "/etc/grafana/tls/grafana.pem")
                .containsEntry("GF_SERVER_CERT_KEY", "/etc/grafana/tls/grafana-key.pem");
        assertThat(String.valueOf(env.get("GF_SERVER_ROOT_URL"))).startsWith("https://");
        Map<String, Object> ds = Yaml.map(Yaml.list(Yaml.load(Repo.deploy("grafana/provisioning/datasources/prometheus.yml"))
                .get("datasources"), "datasources").getFirst(), "datasource");
        assertThat(String.valueOf(ds.get("url"))).isEqualTo("https://127.0.0.1:9090");
        assertThat(Yaml.map(ds.get("jsonData"), "jsonData")).containsEntry("tlsAuth", true).containsEntry("tlsAuthWithCACert", true)
                .containsEntry("serverName", "localhost").doesNotContainKey("tlsSkipVerify");
        assertThat(Yaml.map(ds.get("secureJsonData"), "secureJsonData"))
                .containsEntry("tlsCACert", "$__file{/etc/grafana/tls/ca.pem}")
                .containsEntry("tlsClientCert", "$__file{/etc/grafana/tls/grafana-client.pem}")
                .containsEntry("tlsClientKey", "$__file{/etc/grafana/tls/grafana-client-key.pem}");
    }

    @Test
    void healthchecksGoOverHttpsWithTheCaOrAreReplacedByAnAlert() throws IOException {
        assertThat(strings(Yaml.map(service("prometheus").get("healthcheck"), "h").get("test")))
                .contains("promtool", "--http.config.file=/etc/prometheus/healthcheck.yml", "--url=https://localhost:9090");
        assertThat(strings(Yaml.map(service("alertmanager").get("healthcheck"), "h").get("test")))
                .contains("amtool", "--alertmanager.url=https://localhost:9093", "--http.config.file=/etc/alertmanager/healthcheck.yml");
        assertThat(String.join(" ", strings(Yaml.map(service("grafana").get("healthcheck"), "h").get("test"))))
                .contains("curl", "--cacert /etc/grafana/tls/ca.pem", "https://localhost:");
        assertThat(Yaml.map(service("node-exporter").get("healthcheck"), "h")).containsEntry("disable", true);
        assertThat(Files.readString(Repo.deploy("prometheus/rules/host.yml"))).contains("alert: NodeExporterDown");
        for (String name : List.of("prometheus", "alertmanager")) {
            Map<String, Object> tls = Yaml.map(Yaml.load(Repo.deploy(name + "/healthcheck.yml")).get("tls_config"), name);
            assertThat(tls).containsEntry("ca_file", "/etc/" + name + "/tls/ca.pem").containsKeys("cert_file", "key_file");
        }
    }

    /** No plain http:// URL is left in any stack config (Discord and e-mail examples are https/SMTP). */
    @Test
    void noConfigOfTheStackSpeaksPlainHttp() throws IOException {
        for (Path f : stackFiles())
            assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern("http://(?!prometheus\\.io|github\\.com)");
    }

    /**
     * Each /etc/COMPONENT/tls/FILE a config names is a file `tls init --stack` makes, and the service
     * that reads it mounts ./tls there; every other /etc path is mounted too.
     */
    @Test
    void everyCertificateNamedIsMadeByTlsInitAndMountedIntoItsService() throws IOException {
        Set<String> made = new TreeSet<>(DeploymentPki.FILES);
        made.addAll(StackPki.FILES);
        made.remove("ca-key.pem");
        Set<String> named = new TreeSet<>();
        Pattern path = Pattern.compile("/etc/(prometheus|alertmanager|node-exporter|grafana)/([A-Za-z0-9_./-]+)");
        for (Path f : stackFiles()) {
            Matcher m = path.matcher(Files.readString(f));
            while (m.find()) {
                String service = m.group(1), rest = m.group(2).replaceAll("[.}]$", "");
                if (rest.startsWith("tls/")) {
                    named.add(rest.substring(4));
                    assertThat(made).as(f + " names " + m.group()).contains(rest.substring(4));
                }
                String full = "/etc/" + service + "/" + rest;
                if (rest.contains("*")) continue;
                assertThat(strings(service(service).get("volumes")).stream().map(v -> v.split(":")[1])
                        .anyMatch(t -> full.equals(t) || full.startsWith(t + "/"))).as(service + " mounts " + full + " (" + f + ")").isTrue();
            }
        }
        assertThat(named).as("the stack uses every certificate it is given").containsAll(StackPki.FILES);
    }

    private static List<Path> stackFiles() {
        return Stream.of("prometheus/prometheus.yml", "prometheus/web.yml", "prometheus/healthcheck.yml", "alertmanager/alertmanager.yml",
                "alertmanager/web.yml", "alertmanager/healthcheck.yml", "node-exporter/web.yml",
                "grafana/provisioning/datasources/prometheus.yml", "compose/docker-compose.yml").map(Repo::deploy).toList();
    }
}
