package netwarden.app.config;

import java.util.List;

/**
 * The YAML file as written, before defaults and validation: every field is nullable (absent means
 * "use the default"). Keys are kebab-case ({@code min-pps-in}); unknown keys fail binding.
 * Durations, addresses and names stay strings here so {@link ConfigBinder} can expand
 * {@code ${ENV}} references and report errors at their line.
 */
record RawConfig(Http http, Api api, List<Service> services, Discovery discovery, Players players,
                 Windows windows, Flows flows, Source source) {

    record Http(String listen, Boolean metricsAuth) {}

    record Api(List<Token> tokens) {}

    record Token(String name, String token, Boolean fullAddresses) {}

    record Service(String name, String address, String proto, Integer port, String connect) {}

    record Discovery(Boolean enabled, Integer minSources, String window, Integer maxServices, Integer maxCandidates) {}

    record Players(Double minPpsIn, Double minPpsOut, String activityWindow, String joinAfter, String leaveAfter,
                   Integer recentLeftKept) {}

    record Windows(String history, Integer exactSourcesLimit, Integer topSources) {}

    record Flows(Integer capacity) {}

    record Source(String pcap, String speed) {}
}
