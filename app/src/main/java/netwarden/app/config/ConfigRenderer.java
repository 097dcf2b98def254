package netwarden.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;

/**
 * Prints a {@link NetwardenConfig} as YAML in the same keys a config file uses, every default filled
 * in and every secret replaced by {@value #REDACTED}. What {@code netwarden check-config} shows.
 */
public final class ConfigRenderer {
    public static final String REDACTED = "<redacted>";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private ConfigRenderer() {}

    public static String render(NetwardenConfig c) {
        try {
            return YAML.writeValueAsString(tree(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render config", e); // a tree of plain values always renders
        }
    }

    /** The effective config as a tree, secrets redacted. */
    public static ObjectNode tree(NetwardenConfig c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode http = root.putObject("http");
        http.put("listen", c.http().listen().toString());
        http.put("metrics-auth", c.http().metricsAuth());

        ArrayNode tokens = root.putObject("api").putArray("tokens");
        for (ApiTokenSetting t : c.apiTokens()) {
            tokens.addObject().put("name", t.name()).put("token", REDACTED).put("full-addresses", t.fullAddresses());
        }

        EngineConfig e = c.engine();
        ArrayNode services = root.putArray("services");
        for (ServiceSpec s : e.services()) {
            ObjectNode n = services.addObject().put("name", s.name()).put("address", s.key().address().toString())
                    .put("proto", Proto.name(s.key().proto()));
            if (Proto.hasPorts(s.key().proto())) n.put("port", s.key().port());
            n.put("connect", s.connect());
        }

        DiscoveryConfig d = e.discovery();
        root.putObject("discovery").put("enabled", d.enabled()).put("min-sources", d.minSources())
                .put("window", Durations.format(d.window())).put("max-services", d.maxServices())
                .put("max-candidates", d.maxCandidates());

        PlayerConfig p = e.players();
        root.putObject("players").put("min-pps-in", p.minPpsIn()).put("min-pps-out", p.minPpsOut())
                .put("activity-window", Durations.format(p.activityWindow()))
                .put("join-after", Durations.format(p.joinAfter())).put("leave-after", Durations.format(p.leaveAfter()))
                .put("recent-left-kept", p.recentLeftKept());

        WindowConfig w = e.windows();
        root.putObject("windows").put("history", Durations.format(java.time.Duration.ofSeconds(w.historySeconds())))
                .put("exact-sources-limit", w.exactSourcesLimit()).put("top-sources", w.topSources());

        root.putObject("flows").put("capacity", e.flowCapacity());

        ObjectNode source = root.putObject("source");
        source.put("pcap", c.source().pcap() == null ? null : c.source().pcap().toString());
        source.put("speed", c.source().speed().text());
        return root;
    }
}
