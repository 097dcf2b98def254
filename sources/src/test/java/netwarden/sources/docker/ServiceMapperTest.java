package netwarden.sources.docker;

import netwarden.testkit.DockerStandIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Container inspect JSON (Engine API shapes, via the stand-in's writer) to services, and the naming rules. */
class ServiceMapperTest {
    static Container container(DockerStandIn.Box b) throws DockerProtocolException {
        return Container.fromInspect(DockerApi.parse(DockerStandIn.inspect(b).getBytes(StandardCharsets.UTF_8)));
    }

    static final DockerStandIn.Box PELICAN = new DockerStandIn.Box("9f8e7d6c5b4a39281706", "1f2e3d4c-5b6a-4789-8abc-def012345678",
            "1f2e3d4c-5b6a-4789-8abc-def012345678", Map.of("Service", "Pelican", "ContainerType", "server_process"),
            List.of("STARTUP=./srcds_run", "SERVER_MEMORY=4096", "SERVER_IP=0.0.0.0", "SERVER_PORT=27016",
                    "P_SERVER_UUID=1f2e3d4c-5b6a-4789-8abc-def012345678", "P_SERVER_LOCATION=eu"),
            Map.of("27016/udp", "27016", "27016/tcp", "27016"));

    @Test
    void readsInspectJson() throws DockerProtocolException {
        Container c = container(DockerDiscoveryTest.CS2);
        assertThat(c.name()).isEqualTo("cs2");
        assertThat(c.hostname()).isEqualTo("cs2-host");
        assertThat(c.running()).isTrue();
        assertThat(c.published()).containsExactlyInAnyOrder("27015/udp", "27015/tcp"); // IPv4 + IPv6 bindings are one; 80/tcp unbound
        assertThatThrownBy(() -> Container.fromInspect(DockerApi.parse("{\"Name\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("without Id");
        assertThatThrownBy(() -> DockerApi.parse("{\"Id\":\"x\"} trailing".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DockerProtocolException.class);
    }

    @Test
    void namingSources() throws DockerProtocolException {
        Container oa = container(new DockerStandIn.Box("f00dfeedbeef00112233", "openarena", "oa-host", Map.of("io.netwarden.id", "oa-eu-1"),
                List.of("GAME_PORT=27960", "SERVER_NAME=Frag Fest"), Map.of()));
        DockerConfig d = DockerConfig.defaults();
        assertThat(ServiceMapper.map(oa, d.withNaming(ServiceNaming.parse("label:io.netwarden.id", "id"), ServiceNaming.parse("env:SERVER_NAME", "name")))
                .services()).extracting(ContainerService::id, ContainerService::name).containsExactly(org.assertj.core.groups.Tuple.tuple("oa-eu-1", "Frag Fest"));
        assertThat(ServiceMapper.map(oa, d.withNaming(ServiceNaming.parse("hostname", "id"), ServiceNaming.parse("id", "name"))).services())
                .extracting(ContainerService::id, ContainerService::name).containsExactly(org.assertj.core.groups.Tuple.tuple("oa-host", "f00dfeedbeef"));
        // a missing label or variable falls back to the container name
        assertThat(ServiceMapper.map(oa, d.withNaming(ServiceNaming.parse("label:nope", "id"), ServiceNaming.parse("env:NOPE", "name"))).services())
                .extracting(ContainerService::id, ContainerService::name).containsExactly(org.assertj.core.groups.Tuple.tuple("openarena", "openarena"));
        assertThatThrownBy(() -> ServiceNaming.parse("label:", "discovery.docker.id")).hasMessageContaining("discovery.docker.id");
        assertThatThrownBy(() -> ServiceNaming.parse("uuid", "discovery.docker.name")).hasMessageContaining("hostname, id, name");
    }

    @Test
    void pelicanAndPterodactylContainers() throws DockerProtocolException {
        var services = ServiceMapper.map(container(PELICAN), DockerConfig.defaults()).services();
        assertThat(services).containsExactly(new ContainerService("1f2e3d4c", "Pelican 1f2e3d4c", PELICAN.id(), PELICAN.name(), "udp",
                27016, "env:SERVER_PORT"));
    }

    @Test
    void labelFiltersAndBadPorts() throws DockerProtocolException {
        Container cs2 = container(DockerDiscoveryTest.CS2);
        assertThat(ServiceMapper.map(cs2, DockerConfig.defaults().withLabels(List.of("game=cs2"))).services()).hasSize(2);
        assertThat(ServiceMapper.map(cs2, DockerConfig.defaults().withLabels(List.of("game=oa"))).services()).isEmpty();
        assertThat(ServiceMapper.map(cs2, DockerConfig.defaults().withLabels(List.of("game", "other"))).services()).isEmpty();
        Container bad = container(new DockerStandIn.Box("aaaabbbbccccddddeeee", "bad", "bad", Map.of(), List.of("GAME_PORT=http"),
                Map.of("7777/udp", "7777")));
        ServiceMapper.Mapping m = ServiceMapper.map(bad, DockerConfig.defaults());
        assertThat(m.problem()).contains("GAME_PORT");
        assertThat(m.services()).extracting(ContainerService::port, ContainerService::portSource).containsExactly(org.assertj.core.groups.Tuple.tuple(7777, "published"));
    }

    @Test
    void configIsValidated() {
        DockerConfig d = DockerConfig.defaults();
        assertThat(d.socket()).hasToString("/var/run/docker.sock");
        assertThatThrownBy(() -> d.withLabels(List.of("=x"))).hasMessageContaining("discovery.docker.labels");
        assertThatThrownBy(() -> d.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("discovery.docker.backoff");
        assertThatThrownBy(() -> new DockerConfig(d.socket(), List.of(), d.id(), d.name(), null, "udp", false, d.resync(), d.timeout(),
                d.backoffMin(), d.backoffMax())).hasMessageContaining("port-env");
        assertThatThrownBy(() -> new DockerConfig(d.socket(), List.of(), d.id(), d.name(), "P", "sctp", true, d.resync(), d.timeout(),
                d.backoffMin(), d.backoffMax())).hasMessageContaining("port-protocol");
        assertThat(DockerApi.compare("1.9", "1.24")).isNegative();
        assertThat(DockerApi.compare("1.47", "1.47")).isZero();
    }
}
