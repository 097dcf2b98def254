package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/fleet/docker-compose.yml checked structurally, as {@link ComposeFileTest} does the stack's (`docker compose
 * config` needs a Docker daemon): the server, PostgreSQL and the optional Kafka, pinned images, health checks,
 * restart policies, the server's store URL pointing at the compose PostgreSQL, and the files it mounts.
 */
class FleetComposeFileTest {
    private final Map<String, Object> compose = Yaml.load(Repo.deploy("fleet/docker-compose.yml"));

    FleetComposeFileTest() throws IOException {}

    private Map<String, Object> service(String name) {
        return Yaml.map(Yaml.map(compose.get("services"), "services").get(name), "services." + name);
    }

    @Test
    void serverPostgresAndOptionalKafkaEachHealthCheckedAndPinned() {
        assertThat(Yaml.map(compose.get("services"), "services").keySet()).containsExactlyInAnyOrder("netwarden-server", "postgres", "kafka");
        for (String name : List.of("netwarden-server", "postgres", "kafka")) {
            Map<String, Object> s = service(name);
            assertThat(s.get("restart")).as(name).isEqualTo("unless-stopped");
            assertThat(Yaml.map(s.get("healthcheck"), name + ".healthcheck")).containsKeys("test", "interval", "timeout", "retries");
            String image = String.valueOf(s.get("image"));
            if (!s.containsKey("build")) assertThat(image).as(name).matches("[a-z0-9./-]+:\\d+\\.\\d+(\\.\\d+)?").doesNotContain("latest");
        }
        assertThat(Yaml.list(service("kafka").get("profiles"), "kafka.profiles")).containsExactly("kafka");
        assertThat(service("postgres").get("profiles")).isNull();
    }

    @Test
    void theServerStoresInTheComposePostgresAndMountsFilesThatExist() {
        Map<String, Object> s = service("netwarden-server");
        List<String> command = Yaml.list(s.get("command"), "command").stream().map(String::valueOf).toList();
        assertThat(command.getFirst()).isEqualTo("server");
        assertThat(command).anyMatch(a -> a.startsWith("--store-url=postgresql://netwarden:") && a.endsWith("@postgres:5432/netwarden"));
        assertThat(command).contains("--web-config=/etc/netwarden/tls/web.yml");
        assertThat(Yaml.map(s.get("depends_on"), "depends_on")).containsKey("postgres");
        for (Object v : Yaml.list(s.get("volumes"), "volumes")) {
            String src = String.valueOf(v).split(":")[0];
            if (src.startsWith("./") && !src.equals("./tls") && !src.equals("./secrets"))
                assertThat(Files.isRegularFile(Repo.deploy("fleet").resolve(src))).as(src).isTrue();
        }
        assertThat(Files.isExecutable(Repo.deploy("fleet/setup.sh"))).isTrue();
        assertThat(Files.isRegularFile(Repo.deploy("systemd/netwarden-agent.service"))).isTrue();
        assertThat(Files.isRegularFile(Repo.deploy("systemd/netwarden-server.service"))).isTrue();
    }
}
