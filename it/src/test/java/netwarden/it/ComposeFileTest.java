package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml checked structurally (`docker compose config` needs a Docker
 * daemon): services, pinned images, loopback-only listening, volumes, health checks, restart
 * policy, and every file it mounts present in the repository or made by setup.sh.
 */
class ComposeFileTest {
    private static final Path COMPOSE_DIR = Repo.deploy("compose");
    private static final List<String> SERVICES = List.of("netwarden", "prometheus", "alertmanager", "grafana", "node-exporter");
    /** Bind-mount sources that setup.sh creates (secrets and certificates never live in git). */
    private static final Set<String> GENERATED = Set.of("./tls", "./secrets/prometheus_token",
            "./secrets/alertmanager_token", "./secrets/smtp_password");

    private final Map<String, Object> compose = Yaml.load(COMPOSE_DIR.resolve("docker-compose.yml"));

    ComposeFileTest() throws IOException {}

    private Map<String, Object> services() {
        return Yaml.map(compose.get("services"), "services");
    }

    private Map<String, Object> service(String name) {
        return Yaml.map(services().get(name), "services." + name);
    }

    private static List<String> strings(Object o) {
        if (o == null) return List.of();
        if (o instanceof String s) return List.of(s);
        return Yaml.list(o, "list").stream().map(String::valueOf).toList();
    }

    @Test
    void hasTheFiveServicesEachRestartingAndHealthChecked() {
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> s = service(name);
            assertThat(s.get("restart")).as(name + " restart").isEqualTo("unless-stopped");
            Map<String, Object> health = Yaml.map(s.get("healthcheck"), name + ".healthcheck");
            // node-exporter's image has no client that presents a certificate (StackTlsConfigTest).
            if (name.equals("node-exporter") && Boolean.TRUE.equals(health.get("disable"))) continue;
            List<String> test = strings(health.get("test"));
            assertThat(test).as(name + " healthcheck").isNotEmpty();
            assertThat(test.getFirst()).isIn("CMD", "CMD-SHELL");
            assertThat(health).containsKeys("interval", "timeout", "retries");
        }
        assertThat(String.join(" ", strings(Yaml.map(service("netwarden").get("healthcheck"), "h").get("test"))))
                .contains("netwarden-healthcheck");
        assertThat(readString(Repo.deploy("docker/healthcheck.sh"))).contains("/healthz");
    }

    @Test
    void imagesArePinnedToReleaseTags() {
        Pattern pinned = Pattern.compile("[a-z0-9./-]+:v?\\d+\\.\\d+\\.\\d+");
        for (String name : SERVICES) {
            Map<String, Object> s = service(name);
            String image = String.valueOf(s.get("image"));
            if (s.containsKey("build")) {
                assertThat(image).as(name + " is built here").isEqualTo("netwarden:local");
                continue;
            }
            assertThat(image).as(name + " image").matches(pinned).doesNotContain(":latest");
        }
        assertThat(String.valueOf(service("grafana").get("image"))).startsWith("grafana/grafana:");
        assertThat(String.valueOf(service("node-exporter").get("image"))).startsWith("prom/node-exporter:");
    }

    @Test
    void everythingListensOnLoopbackOnly() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> s = service(name);
            for (String port : strings(s.get("ports")))
                assertThat(port).as(name + " published port").startsWith("127.0.0.1:");
            List<String> command = strings(s.get("command"));
            for (String arg : command) {
                Matcher m = Pattern.compile("--[a-z.]*listen-address=(.*)").matcher(arg);
                if (m.matches() && !m.group(1).isEmpty())
                    assertThat(m.group(1)).as(name + " " + arg).startsWith("127.0.0.1:");
            }
        }
        assertThat(strings(service("prometheus").get("command"))).contains("--web.listen-address=127.0.0.1:9090");
        assertThat(strings(service("alertmanager").get("command")))
                .contains("--web.listen-address=127.0.0.1:9093", "--cluster.listen-address=");
        assertThat(strings(service("node-exporter").get("command"))).contains("--web.listen-address=127.0.0.1:9100");
        assertThat(Yaml.map(service("grafana").get("environment"), "grafana.environment"))
                .containsEntry("GF_SERVER_HTTP_ADDR", "127.0.0.1");
        Map<String, Object> netwardenConfig = Yaml.load(Repo.deploy("netwarden/netwarden.yaml"));
        assertThat(String.valueOf(Yaml.map(netwardenConfig.get("http"), "http").get("listen"))).startsWith("127.0.0.1:");
    }

    @Test
    void prometheusKeepsThirtyDays() {
        assertThat(strings(service("prometheus").get("command")))
                .contains("--storage.tsdb.retention.time=30d", "--config.file=/etc/prometheus/prometheus.yml");
    }

    @Test
    void netwardenGetsOnlyTheCaptureCapabilities() {
        Map<String, Object> n = service("netwarden");
        assertThat(n.get("network_mode")).isEqualTo("host");
        assertThat(strings(n.get("cap_drop"))).containsExactly("ALL");
        assertThat(strings(n.get("cap_add"))).isSubsetOf("NET_RAW", "NET_ADMIN", "BPF", "PERFMON").isNotEmpty();
        assertThat(n).doesNotContainKey("privileged");
        assertThat(n.get("read_only")).isEqualTo(true);
        assertThat(strings(n.get("security_opt"))).contains("no-new-privileges:true");
        Map<String, Object> build = Yaml.map(n.get("build"), "build");
        assertThat(COMPOSE_DIR.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile"))))
                .isRegularFile();
    }

    @Test
    void namedVolumesAreDeclaredAndUsed() {
        Set<String> declared = Yaml.map(compose.get("volumes"), "volumes").keySet();
        Set<String> used = new TreeSet<>();
        for (String name : SERVICES) {
            for (String v : strings(service(name).get("volumes"))) {
                String source = v.split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) used.add(source);
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(declared)
                .contains("netwarden-data", "prometheus-data", "alertmanager-data", "grafana-data");
    }

    @Test
    void everyMountedFileExistsOrIsMadeBySetup() throws IOException {
        String setup = readString(COMPOSE_DIR.resolve("setup.sh"));
        String gitignore = readString(COMPOSE_DIR.resolve(".gitignore"));
        List<String> missing = new ArrayList<>();
        for (String name : SERVICES) {
            for (String v : strings(service(name).get("volumes"))) {
                String source = v.split(":")[0];
                if (!source.startsWith(".")) continue;
                if (GENERATED.contains(source)) {
                    String top = source.substring(2).split("/")[0];
                    assertThat(setup).as("setup.sh makes " + source).contains(top + "/");
                    assertThat(gitignore).as(".gitignore keeps " + top + " out of git").contains("/" + top + "/");
                    continue;
                }
                if (!Files.exists(COMPOSE_DIR.resolve(source))) missing.add(name + ": " + source);
            }
        }
        assertThat(missing).as("mount sources missing from the repository").isEmpty();
    }

    @Test
    void everyRequiredVariableIsInTheEnvExample() throws IOException {
        String text = readString(COMPOSE_DIR.resolve("docker-compose.yml"));
        Set<String> vars = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(text);
        while (m.find()) vars.add(m.group(1));
        Set<String> example = new TreeSet<>();
        for (String line : Files.readAllLines(COMPOSE_DIR.resolve(".env.example"))) {
            Matcher kv = Pattern.compile("^([A-Z_][A-Z0-9_]*)=").matcher(line);
            if (kv.find()) example.add(kv.group(1));
        }
        assertThat(example).containsAll(vars);
        assertThat(gitignoreOf(COMPOSE_DIR)).contains("/.env");
    }

    @Test
    void configPathsInsideContainersAreMounted() throws IOException {
        assertMounted("prometheus", List.of("/etc/prometheus/prometheus.yml", "/etc/prometheus/rules/netwarden.yml",
                "/etc/prometheus/tls/ca.pem", "/etc/prometheus/tls/client.pem", "/etc/prometheus/tls/client-key.pem",
                "/etc/prometheus/secrets/prometheus_token"));
        assertMounted("alertmanager", List.of("/etc/alertmanager/alertmanager.yml", "/etc/alertmanager/entrypoint.sh",
                "/etc/alertmanager/tls/ca.pem", "/etc/alertmanager/tls/alertmanager-client-key.pem",
                "/etc/alertmanager/secrets/alertmanager_token", "/etc/alertmanager/secrets/smtp_password"));
        assertMounted("grafana", List.of("/etc/grafana/provisioning/datasources/prometheus.yml",
                "/etc/grafana/provisioning/dashboards/netwarden.yml", "/etc/grafana/dashboards/netwarden-overview.json"));
        assertMounted("netwarden", List.of("/etc/netwarden/netwarden.yaml", "/etc/netwarden/web.yml",
                "/etc/netwarden/tls/server.pem", "/etc/netwarden/tls/server-key.pem", "/etc/netwarden/tls/ca.pem",
                "/etc/netwarden/secrets/prometheus_token", "/etc/netwarden/secrets/alertmanager_token"));

        // The files the configs name are those paths.
        String prometheus = readString(Repo.deploy("prometheus/prometheus.yml"));
        assertThat(prometheus).contains("/etc/prometheus/tls/ca.pem", "/etc/prometheus/secrets/prometheus_token",
                "/etc/prometheus/rules/*.yml");
        String alertmanager = readString(Repo.deploy("alertmanager/alertmanager.yml"));
        assertThat(alertmanager).contains("/etc/alertmanager/tls/alertmanager-client.pem", "/etc/alertmanager/secrets/alertmanager_token",
                "/etc/alertmanager/secrets/smtp_password");
        assertThat(readString(Repo.deploy("grafana/provisioning/dashboards/netwarden.yml"))).contains("path: /etc/grafana/dashboards");
        assertThat(readString(Repo.deploy("netwarden/web.yml"))).contains("cert_file: tls/server.pem");
        assertThat(readString(Repo.deploy("netwarden/netwarden.yaml"))).contains("token-file: /etc/netwarden/secrets/prometheus_token",
                "token-file: /etc/netwarden/secrets/alertmanager_token");
    }

    @Test
    void theDockerfileBuildsWithTheWrapperOnJdk25AndRunsOnJre25() throws IOException {
        String dockerfile = readString(Repo.deploy("docker/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jdk\\S* AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:25-jre\\S*$")
                .contains("./mvnw -B", "HEALTHCHECK", "USER 10001:10001")
                .doesNotContain(":latest");
        String ignore = readString(Repo.deploy("docker/Dockerfile.dockerignore"));
        assertThat(ignore).contains("**/target/", "deploy/compose/secrets/", "deploy/compose/tls/", "deploy/compose/.env");
    }

    /** Each container path lies under a mount target of the service whose source has that file. */
    private void assertMounted(String name, List<String> containerPaths) {
        List<String[]> mounts = strings(service(name).get("volumes")).stream().map(v -> v.split(":")).toList();
        for (String path : containerPaths) {
            String[] mount = mounts.stream().filter(m -> m.length >= 2 && (path.equals(m[1]) || path.startsWith(m[1] + "/")))
                    .findFirst().orElse(null);
            assertThat(mount).as(name + " mounts something at " + path).isNotNull();
            if (mount[0].startsWith(".") && !GENERATED.contains(mount[0])) {
                Path source = COMPOSE_DIR.resolve(mount[0]).resolve(path.substring(mount[1].length()).replaceFirst("^/", ""));
                assertThat(source).as(name + ": " + path).exists();
            }
        }
    }

    private static String gitignoreOf(Path dir) throws IOException {
        return readString(dir.resolve(".gitignore"));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
