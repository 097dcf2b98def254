package netwarden.app.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code notify:} and {@code enrich:} sections of the config file as written (read by the main
 * config loader as part of its raw config): every field nullable (absent means default), kebab-case
 * keys, unknown keys rejected. Durations and secrets stay strings so {@code ${ENV}} references can be
 * expanded by {@link NotifyBinder}. Docs: docs/notify.md.
 */
public final class NotifyYaml {
    private NotifyYaml() {}

    public record Notify(List<Channel> channels, List<Route> routes, String cooldown, Digest digest, Privacy privacy,
                         Map<String, Integer> maxPlayers, Integer queueCapacity) {}

    /** One channel; which keys apply depends on {@code type}. */
    public record Channel(String name, String type, Boolean maskAddresses, Delivery delivery,
                          String url, String username, String secret, Map<String, String> headers,
                          String host, Integer port, String tls, String password, String from, List<String> to,
                          String subjectPrefix, String sslTrust,
                          List<String> command, Map<String, String> environment, Integer maxOutputBytes) {}

    public record Delivery(Integer queueCapacity, Integer maxAttempts, String initialBackoff, String maxBackoff, String timeout) {}

    public record Route(String name, List<String> kinds, List<String> services, String minSeverity, List<String> channels,
                        String cooldown, @JsonProperty("continue") Boolean continueMatching, List<String> quiet) {}

    public record Digest(Boolean enabled, String window, Integer threshold, List<String> kinds) {}

    public record Privacy(Boolean maskAddresses, Boolean showConnect) {}

    public record Enrich(Boolean enabled, String dataDir, String countryDb, List<String> asnCsv, List<String> asnLists,
                         Integer cacheSize, Integer queueCapacity, String returningStore, Integer returningMax) {}
}
