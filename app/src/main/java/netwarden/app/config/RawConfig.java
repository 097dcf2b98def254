package netwarden.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import netwarden.app.capture.RawCapture;
import netwarden.app.collect.RawCollect;
import netwarden.app.notify.NotifyYaml;

/**
 * The YAML file as written, before defaults and validation: every field is nullable (absent means
 * "use the default"). Keys are kebab-case ({@code min-pps-in}); unknown keys fail binding.
 * Durations, addresses and names stay strings here so {@link ConfigBinder} can expand
 * {@code ${ENV}} references and report errors at their line. The {@code notify} and {@code enrich}
 * sections are read as {@link NotifyYaml} (the component is not called {@code notify}: that would
 * clash with {@link Object#notify()}).
 */
record RawConfig(Http http, Api api, List<Service> services, Discovery discovery, Players players,
                 Windows windows, Flows flows, Source source, RawCapture capture, Detection detection, State state, Incidents incidents,
                 @JsonProperty("notify") NotifyYaml.Notify notifications, NotifyYaml.Enrich enrich, Sources sources,
                 RawRouter router, Store store, RawCollect collect, Engine engine) {

    static final RawConfig EMPTY = new RawConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** {@code engine}: how the engine runs (not what it counts). */
    record Engine(Integer shards) {}

    record Http(String listen, Boolean metricsAuth, String webConfig, Boolean allowPlainHttp) {}

    record Api(List<Token> tokens) {}

    record Token(String name, String token, String tokenFile, Boolean fullAddresses, Boolean readOnly) {}

    record Service(String name, String address, String proto, Integer port, String connect,
                   String query, String queryInterval, String queryTimeout, Integer queryPort) {}

    record Discovery(Boolean enabled, Integer minSources, String window, Integer maxServices, Integer maxCandidates, Docker docker) {}

    /** {@code discovery.docker} (see {@link GameBinder}). */
    record Docker(Boolean enabled, String address, String socket, List<String> labels, String id, String name, String portEnv,
                  String portProtocol, Boolean publishedPorts, String resync) {}

    /** {@code sources}: inputs besides the packet source. */
    record Sources(GameLog gamelog) {}

    record GameLog(Boolean enabled, String path, String service, String format, List<GameLogRule> rules, String bookmark,
                   String hashSalt, Boolean fromStart, String pollInterval) {}

    record GameLogRule(String action, String regex) {}

    record Players(Double minPpsIn, Double minPpsOut, String activityWindow, String joinAfter, String leaveAfter,
                   Integer recentLeftKept) {}

    record Windows(String history, Integer exactSourcesLimit, Integer topSources) {}

    /** {@code default-sampling}: {@code drop} or a rate, for flow records whose sampling rate is unknown. */
    record Flows(Integer capacity, String defaultSampling) {}

    record Source(String pcap, String speed) {}

    record Detection(Boolean enabled, Integer fastK, Integer fastN, Double instantFactor, Double slowAlpha,
                     Boolean baselines, String coldStart, String baselineHalfLife, Double baselineK,
                     String quietPeriod, Double hysteresis, String cooldown, String updateEvery,
                     Integer maxHosts, Integer samplePackets, Integer topSources, Integer recentIncidents,
                     DetectionScope service, DetectionScope host, DetectionScope network, DetectionScope spray,
                     String blockTimeout) {}

    /** Floors stay untyped: a value is a number, a number with a k/M/G suffix, or off/null to unwatch the metric. */
    record DetectionScope(Boolean enabled, Map<String, Object> floors) {}

    record State(String dir) {}

    record Incidents(String dir, Integer queue) {}

    /** {@code store}: retention keys are table names (see {@link StoreBinder}). */
    record Store(String url, Map<String, String> retention, Integer queueRows, Integer batchRows, Integer topSources) {}
}
