package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/grafana: provisioning and dashboards fit together (datasource, paths, panels, layout). */
class GrafanaDashboardsTest {
    @Test
    void theProvisionedDatasourceIsTheOneEveryPanelUses() throws Exception {
        Map<String, Object> ds = Yaml.load(Repo.deploy("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> prometheus = Yaml.map(Yaml.list(ds.get("datasources"), "datasources").getFirst(), "datasource");
        assertThat(prometheus).containsEntry("uid", "prometheus").containsEntry("type", "prometheus")
                .containsEntry("url", "https://127.0.0.1:9090");
        for (Path file : Expressions.dashboardFiles()) {
            JsonNode d = Expressions.JSON.readTree(file.toFile());
            for (JsonNode panel : Expressions.panels(d)) {
                assertThat(panel.path("datasource").path("uid").asText()).as(file + " " + panel.path("title")).isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as(file + " " + panel.path("title") + " has queries").isPositive();
                for (JsonNode t : panel.path("targets")) assertThat(t.path("expr").asText()).isNotBlank();
            }
        }
    }

    @Test
    void fiveDashboardsWithUniqueUidsAndNoOverlappingPanels() throws Exception {
        List<Path> files = Expressions.dashboardFiles();
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("netwarden-flows.json", "netwarden-geography.json",
                "netwarden-host.json", "netwarden-overview.json", "netwarden-server.json");
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode d = Expressions.JSON.readTree(file.toFile());
            assertThat(uids.add(d.path("uid").asText())).as("unique uid " + d.path("uid")).isTrue();
            assertThat(d.path("title").asText()).startsWith("netwarden / ");
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : d.path("panels")) {
                JsonNode g = p.path("gridPos");
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                assertThat(box[0] + box[2]).as(file + " " + p.path("title") + " fits 24 columns").isLessThanOrEqualTo(24);
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertThat(overlap).as(file + " " + p.path("title") + " overlaps another panel").isFalse();
                }
                boxes.add(box);
            }
        }
    }

    @Test
    void geographyUsesTheBuiltInGeomapByCountryCode() throws Exception {
        JsonNode d = Expressions.JSON.readTree(Repo.deploy("grafana/dashboards/netwarden-geography.json").toFile());
        List<JsonNode> maps = Expressions.panels(d).stream().filter(p -> p.path("type").asText().equals("geomap")).toList();
        assertThat(maps).hasSize(2);
        for (JsonNode m : maps) {
            JsonNode location = m.path("options").path("layers").get(0).path("location");
            assertThat(location.path("mode").asText()).isEqualTo("lookup");
            assertThat(location.path("gazetteer").asText()).isEqualTo("public/gazetteer/countries.json");
            assertThat(m.path("targets").get(0).path("expr").asText()).contains("sum by (country)");
            assertThat(m.path("targets").get(0).path("format").asText()).isEqualTo("table");
        }
        assertThat(maps).extracting(m -> m.path("targets").get(0).path("expr").asText())
                .anyMatch(e -> e.contains("netwarden_players_by_country")).anyMatch(e -> e.contains("netwarden_connections_by_country"));
    }

    /** The flows dashboard reads only what a running collector registers (FullStackTest has none, so it only parses them there). */
    @Test
    void theFlowsDashboardIsPerExporterAndInterfaceAndReadsTheCollectorsMetrics() throws Exception {
        JsonNode d = Expressions.JSON.readTree(Repo.deploy("grafana/dashboards/netwarden-flows.json").toFile());
        assertThat(d.path("templating").path("list").findValuesAsText("name")).containsExactly("exporter", "interface");
        var registry = new io.prometheus.metrics.model.registry.PrometheusRegistry();
        var collector = new netwarden.sources.collect.FlowCollector(netwarden.sources.collect.CollectorConfig.defaults(),
                netwarden.model.Clock.SYSTEM, r -> { });
        netwarden.sources.collect.CollectorMetrics.register(registry, collector);
        Set<String> registered = new HashSet<>();
        for (var m : registry.scrape()) {
            String name = m.getMetadata().getPrometheusName();
            registered.add(name);
            registered.add(name + "_total");
        }
        List<Expressions.Expr> flows = Expressions.dashboards().stream().filter(e -> e.where().startsWith("netwarden-flows.json")).toList();
        assertThat(flows).isNotEmpty().allSatisfy(e -> assertThat(registered).as(e.where()).containsAll(e.metrics()));
        assertThat(FullStackTest.PENDING).containsAll(flows.stream().flatMap(e -> e.metrics().stream()).toList());
    }

    @Test
    void theServerDashboardMarksAttacksAndTheHostOneReadsNodeExporter() throws Exception {
        JsonNode server = Expressions.JSON.readTree(Repo.deploy("grafana/dashboards/netwarden-server.json").toFile());
        assertThat(server.path("annotations").path("list").findValuesAsText("expr"))
                .anyMatch(e -> e.contains("netwarden_attack_active"));
        assertThat(server.path("templating").path("list").findValuesAsText("name")).contains("instance", "service");
        List<Expressions.Expr> host = Expressions.dashboards().stream()
                .filter(e -> e.where().startsWith("netwarden-host.json") && e.kind() == Expressions.Kind.PANEL).toList();
        assertThat(host).isNotEmpty().allSatisfy(e -> assertThat(e.metrics()).allMatch(m -> m.startsWith("node_")));
        Map<String, Object> provider = Yaml.map(Yaml.list(Yaml.load(Repo.deploy("grafana/provisioning/dashboards/netwarden.yml"))
                .get("providers"), "providers").getFirst(), "provider");
        assertThat(Yaml.map(provider.get("options"), "options")).containsEntry("path", "/etc/grafana/dashboards");
    }
}
