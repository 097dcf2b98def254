package netwarden.app.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import netwarden.app.config.Durations;
import netwarden.enrich.EnrichConfig;
import netwarden.sinks.notify.config.ChannelConfig;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.DigestConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.config.WebhookConfig;

/**
 * The {@code notify:} and {@code enrich:} sections of the effective config, in the keys a config
 * file uses, for the whole config's renderer (check-config). Secrets (passwords, HMAC keys, header and script
 * environment values) print as {@value #REDACTED}; webhook URLs, which carry their
 * token in the path, print as {@code scheme://host/…}. Sets are sorted so the output is stable.
 */
public final class NotifyRenderer {
    /** What a secret prints as in a rendered config (the whole config's renderer uses the same). */
    public static final String REDACTED = "<redacted>";

    private NotifyRenderer() {}

    public static void notify(ObjectNode n, NotifyConfig c) {
        n.put("cooldown", Durations.format(c.cooldown())).put("queue-capacity", c.queueCapacity());
        ObjectNode max = n.putObject("max-players");
        new TreeMap<>(c.maxPlayers()).forEach(max::put);
        n.putObject("privacy").put("mask-addresses", c.privacy().maskAddresses()).put("show-connect", c.privacy().showConnect());
        DigestConfig d = c.digest();
        ObjectNode digest = n.putObject("digest").put("enabled", d.enabled()).put("window", Durations.format(d.window()))
                .put("threshold", d.threshold());
        strings(digest.putArray("kinds"), new TreeSet<>(d.kinds()));
        ArrayNode channels = n.putArray("channels");
        for (ChannelConfig ch : c.channels()) channel(channels.addObject(), ch);
        ArrayNode routes = n.putArray("routes");
        for (RouteRule r : c.routes()) route(routes.addObject(), r);
    }

    public static void enrich(ObjectNode n, EnrichSettings s) {
        EnrichConfig e = s.enrich();
        n.put("enabled", e.enabled()).put("data-dir", e.dataDir().toString())
                .put("country-db", e.countryDb() == null ? null : e.countryDb().toString());
        strings(n.putArray("asn-csv"), e.asnCsv().stream().map(Path::toString).toList());
        strings(n.putArray("asn-lists"), e.asnLists().stream().map(Path::toString).toList());
        n.put("cache-size", e.cacheSize()).put("queue-capacity", e.queueCapacity())
                .put("returning-store", s.returningStore() == null ? "off" : s.returningStore().toString())
                .put("returning-max", s.returningMax());
    }

    private static void channel(ObjectNode n, ChannelConfig c) {
        n.put("name", c.name()).put("type", c.type());
        switch (c) {
            case DiscordConfig d -> n.put("url", d.url().toString()).put("username", d.username());
            case SlackConfig s -> n.put("url", s.url().toString());
            case WebhookConfig w -> {
                n.put("url", w.url().toString()).put("secret", redacted(w.secret()));
                secrets(n.putObject("headers"), w.headers());
            }
            case EmailConfig e -> {
                n.put("host", e.host()).put("port", e.port()).put("tls", e.tls().name().toLowerCase(Locale.ROOT))
                        .put("username", e.username()).put("password", redacted(e.password())).put("from", e.from());
                strings(n.putArray("to"), e.to());
                n.put("subject-prefix", e.subjectPrefix()).put("ssl-trust", e.sslTrust());
            }
            case ScriptConfig s -> {
                strings(n.putArray("command"), s.command());
                secrets(n.putObject("environment"), s.environment());
                n.put("max-output-bytes", s.maxOutputBytes());
            }
        }
        n.put("mask-addresses", c.maskAddresses());
        DeliveryConfig d = c.delivery();
        n.putObject("delivery").put("queue-capacity", d.queueCapacity()).put("max-attempts", d.maxAttempts())
                .put("initial-backoff", Durations.format(d.initialBackoff())).put("max-backoff", Durations.format(d.maxBackoff()))
                .put("timeout", Durations.format(d.timeout()));
    }

    private static void route(ObjectNode n, RouteRule r) {
        n.put("name", r.name());
        strings(n.putArray("kinds"), new TreeSet<>(r.kinds()));
        strings(n.putArray("services"), new TreeSet<>(r.services()));
        n.put("min-severity", r.minSeverity() == null ? null : r.minSeverity().label());
        strings(n.putArray("channels"), r.channels());
        n.put("cooldown", r.cooldown() == null ? null : Durations.format(r.cooldown()));
        n.put("continue", r.continueMatching());
        if (!r.quiet().isEmpty()) strings(n.putArray("quiet"), r.quiet().stream().map(Object::toString).toList());
    }

    private static String redacted(Secret s) {
        return s == null ? null : REDACTED;
    }

    private static void secrets(ObjectNode n, Map<String, Secret> values) {
        new TreeMap<>(values).keySet().forEach(k -> n.put(k, REDACTED));
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }
}
