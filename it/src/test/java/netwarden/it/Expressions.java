package netwarden.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Every PromQL expression of the shipped dashboards and rules, ready to send to Prometheus. */
final class Expressions {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile("\\b(netwarden_[a-z0-9_]+|node_[a-z0-9_]+|up)\\b");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)");

    private Expressions() {}

    enum Kind {
        /** A graph or stat: must return series once its metrics exist. */
        PANEL,
        /** An alert condition or annotation: must parse and its metrics must exist; it may well be empty. */
        CONDITION,
        /** The selector behind a {@code label_values(...)} variable: must return series. */
        VARIABLE
    }

    /** @param where file and panel or rule, for messages */
    record Expr(String where, String promql, Kind kind) {
        /** Grafana's variables replaced as an "All" selection over the last hour would have them. */
        String query() {
            return promql.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h")
                    .replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*}?", ".*");
        }

        /** The metric names the expression reads. */
        Set<String> metrics() {
            Set<String> out = new TreeSet<>();
            Matcher m = METRIC.matcher(promql.replaceAll("\"[^\"]*\"", "\"\""));
            while (m.find()) out.add(m.group(1));
            return out;
        }
    }

    static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> s = Files.list(Repo.deploy("grafana/dashboards"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<Expr> dashboards() throws IOException {
        List<Expr> out = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode d = JSON.readTree(file.toFile());
            String name = file.getFileName().toString();
            for (JsonNode panel : panels(d)) {
                for (JsonNode t : panel.path("targets"))
                    out.add(new Expr(name + " / " + panel.path("title").asText(), t.path("expr").asText(), Kind.PANEL));
            }
            for (JsonNode a : d.path("annotations").path("list")) {
                if (a.has("expr")) out.add(new Expr(name + " / annotation " + a.path("name").asText(), a.get("expr").asText(), Kind.CONDITION));
            }
            for (JsonNode v : d.path("templating").path("list")) {
                Matcher m = LABEL_VALUES.matcher(v.path("query").path("query").asText(v.path("query").asText()));
                if (m.matches()) out.add(new Expr(name + " / variable " + v.path("name").asText(), m.group(1), Kind.VARIABLE));
            }
        }
        return out;
    }

    /** Every panel, including those inside rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("type").asText().equals("row")) p.path("panels").forEach(out::add);
            else out.add(p);
        }
        return out;
    }

    static List<Expr> rules() throws IOException {
        List<Expr> out = new ArrayList<>();
        for (Path file : PromtoolTest.ruleFiles()) {
            for (Object g : Yaml.list(Yaml.load(file).get("groups"), "groups")) {
                for (Object r : Yaml.list(Yaml.map(g, "group").get("rules"), "rules")) {
                    Map<String, Object> rule = Yaml.map(r, "rule");
                    String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
                    out.add(new Expr(file.getFileName() + " / " + name, String.valueOf(rule.get("expr")), Kind.CONDITION));
                }
            }
        }
        return out;
    }
}
