package netwarden.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import netwarden.app.collect.CollectBinder;
import netwarden.app.collect.CollectRenderer;
import netwarden.app.notify.NotifyRenderer;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Metric;
import netwarden.engine.detect.ScopeRules;
import netwarden.model.ConnectStrings;
import netwarden.model.Proto;
import netwarden.model.ServiceSpec;
import java.time.Duration;
import netwarden.sources.live.CaptureConfig;
import netwarden.store.StoreConfig;
import netwarden.store.Table;

/**
 * Prints a {@link NetwardenConfig} as YAML in the same keys a config file uses, every default filled
 * in and every secret replaced by {@value #REDACTED} (webhook URLs, which carry tokens, show only
 * {@code scheme://host/…}). What {@code netwarden check-config} shows.
 */
public final class ConfigRenderer {
    public static final String REDACTED = NotifyRenderer.REDACTED;

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
        http.put("web-config", c.http().webConfig() == null ? null : c.http().webConfig().toString());
        http.put("allow-plain-http", c.http().allowPlainHttp());

        ArrayNode tokens = root.putObject("api").putArray("tokens");
        for (ApiTokenSetting t : c.apiTokens()) {
            ObjectNode n = tokens.addObject().put("name", t.name());
            // A token read from a file is shown by its file, so the printed config can be used as is.
            if (t.tokenFile() == null) n.put("token", REDACTED);
            else n.put("token-file", t.tokenFile().toString());
            n.put("full-addresses", t.fullAddresses()).put("read-only", t.readOnly());
        }

        EngineConfig e = c.engine();
        ArrayNode services = root.putArray("services");
        for (ServiceSpec s : e.services()) {
            ObjectNode n = services.addObject().put("name", s.name()).put("address", s.key().address().toString())
                    .put("proto", Proto.name(s.key().proto()));
            if (Proto.hasPorts(s.key().proto())) n.put("port", s.key().port());
            // A password in the connect string is a secret like the others: shown as redacted, not printed.
            String shown = ConnectStrings.withoutSecrets(s.connect());
            n.put("connect", shown == null || shown.equals(s.connect()) ? shown : shown + " " + REDACTED);
            GameRenderer.query(n, c.games(), s.name());
        }

        DiscoveryConfig d = e.discovery();
        root.putObject("discovery").put("enabled", d.enabled()).put("min-sources", d.minSources())
                .put("window", Durations.format(d.window())).put("max-services", d.maxServices())
                .put("max-candidates", d.maxCandidates());
        GameRenderer.docker((ObjectNode) root.get("discovery"), c.games());

        PlayerConfig p = e.players();
        root.putObject("players").put("min-pps-in", p.minPpsIn()).put("min-pps-out", p.minPpsOut())
                .put("activity-window", Durations.format(p.activityWindow()))
                .put("join-after", Durations.format(p.joinAfter())).put("leave-after", Durations.format(p.leaveAfter()))
                .put("recent-left-kept", p.recentLeftKept());

        WindowConfig w = e.windows();
        root.putObject("windows").put("history", Durations.format(java.time.Duration.ofSeconds(w.historySeconds())))
                .put("exact-sources-limit", w.exactSourcesLimit()).put("top-sources", w.topSources());

        root.putObject("flows").put("capacity", e.flowCapacity())
                .put("default-sampling", CollectBinder.defaultSamplingText(c.collect().defaultSampling()));

        ObjectNode source = root.putObject("source");
        source.put("pcap", c.source().pcap() == null ? null : c.source().pcap().toString());
        source.put("speed", c.source().speed().text());

        capture(root.putObject("capture"), c.source().liveCapture(), c.capture());
        CollectRenderer.collect(root.putObject("collect"), c.collect());
        detection(root.putObject("detection"), e.detection());
        root.putObject("state").put("dir", c.state().dir().toString());
        root.putObject("incidents").put("dir", c.incidents().dir().toString()).put("queue", c.incidents().queue());
        NotifyRenderer.notify(root.putObject("notify"), c.notifications());
        NotifyRenderer.enrich(root.putObject("enrich"), c.enrich());
        GameRenderer.gamelog(root, c.games());
        RouterRenderer.router(root, c.router());
        store(root.putObject("store"), c.store());
        return root;
    }

    /** A PostgreSQL password is a secret like the others. */
    private static void store(ObjectNode n, StoreConfig s) {
        String shown = s.urlWithoutPassword();
        n.put("url", shown.equals(s.url()) ? shown : shown.replace("***", REDACTED));
        ObjectNode retention = n.putObject("retention");
        for (Table t : Table.values()) {
            Duration d = s.retention().get(t);
            if (d != null) retention.put(t.key(), Durations.format(d));
        }
        n.put("queue-rows", s.queueRows()).put("batch-rows", s.batchRows()).put("top-sources", s.topSources());
    }

    /** Every key, defaults included; {@code enabled} says whether {@code run} captures live when no capture file is given. */
    private static void capture(ObjectNode n, boolean enabled, CaptureConfig c) {
        n.put("enabled", enabled).put("mode", c.mode().key());
        ArrayNode interfaces = n.putArray("interfaces");
        c.interfaces().forEach(interfaces::add);
        n.put("netns", c.netns()).put("snaplen", c.snaplen()).put("promiscuous", c.promiscuous())
                .put("immediate", c.immediate()).put("buffer-size", c.bufferSize()).put("bpf-filter", c.bpfFilter())
                .put("handoff-capacity", c.handoffCapacity()).put("ebpf-flow-entries", c.ebpfFlowEntries())
                .put("ebpf-object", c.ebpfObject() == null ? null : c.ebpfObject().toString())
                .put("poll-interval", Durations.format(c.pollInterval()));
    }

    private static void detection(ObjectNode n, DetectionConfig d) {
        n.put("enabled", d.enabled()).put("fast-k", d.fastK()).put("fast-n", d.fastN())
                .put("instant-factor", d.instantFactor()).put("slow-alpha", d.slowAlpha())
                .put("baselines", d.baselines()).put("cold-start", Durations.format(d.coldStart()))
                .put("baseline-half-life", Durations.format(d.baselineHalfLife())).put("baseline-k", d.baselineK())
                .put("quiet-period", Durations.format(d.quietPeriod())).put("hysteresis", d.hysteresis())
                .put("cooldown", Durations.format(d.cooldown())).put("update-every", Durations.format(d.updateEvery()))
                .put("max-hosts", d.maxHosts()).put("sample-packets", d.samplePackets()).put("top-sources", d.topSources())
                .put("recent-incidents", d.recentIncidents()).put("block-timeout", Durations.format(d.blockTimeout()));
        scope(n.putObject("service"), d.service());
        scope(n.putObject("host"), d.host());
        scope(n.putObject("network"), d.network());
        scope(n.putObject("spray"), d.spray());
    }

    /** Every metric, so the output shows what could be watched: a floor, or off. */
    private static void scope(ObjectNode n, ScopeRules rules) {
        n.put("enabled", rules.enabled());
        ObjectNode floors = n.putObject("floors");
        for (Metric m : Metric.values()) {
            Double floor = rules.floors().get(m);
            if (floor == null) floors.put(m.key(), "off");
            else if (floor == Math.rint(floor) && floor < 1e15) floors.put(m.key(), floor.longValue());
            else floors.put(m.key(), floor);
        }
    }
}
