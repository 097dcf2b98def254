package netwarden.app.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import netwarden.app.config.Durations;
import netwarden.model.Severity;
import netwarden.enrich.EnrichConfig;
import netwarden.sinks.notify.config.ChannelConfig;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.DigestConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.PrivacyConfig;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.config.WebhookConfig;
import netwarden.sinks.notify.config.WebhookUrl;

/**
 * Turns the raw {@code notify:} and {@code enrich:} sections into {@link NotifyConfig} and
 * {@link EnrichSettings}, filling defaults and expanding {@code ${ENV}} in every string through
 * {@code expand}. Errors are IllegalArgumentExceptions whose message starts with the dotted key,
 * e.g. {@code notify.channels[1].url must not be empty}.
 */
public final class NotifyBinder {
    private final UnaryOperator<String> expand;

    /** @param expand expands {@code ${NAME}} references; throws IllegalArgumentException for an unset one */
    public NotifyBinder(UnaryOperator<String> expand) {
        this.expand = expand;
    }

    public NotifyConfig notifications(NotifyYaml.Notify raw) {
        NotifyConfig d = NotifyConfig.defaults();
        if (raw == null) return d;
        List<ChannelConfig> channels = new ArrayList<>();
        if (raw.channels() != null) for (int i = 0; i < raw.channels().size(); i++) channels.add(channel("notify.channels[" + i + "]", raw.channels().get(i)));
        List<RouteRule> routes = new ArrayList<>();
        if (raw.routes() != null) for (int i = 0; i < raw.routes().size(); i++) routes.add(route("notify.routes[" + i + "]", raw.routes().get(i)));
        Duration cooldown = duration("notify.cooldown", raw.cooldown(), d.cooldown());
        DigestConfig digest = digest(raw.digest(), d.digest());
        PrivacyConfig privacy = raw.privacy() == null ? d.privacy() : new PrivacyConfig(or(raw.privacy().maskAddresses(), d.privacy().maskAddresses()),
                or(raw.privacy().showConnect(), d.privacy().showConnect()));
        Map<String, Integer> maxPlayers = raw.maxPlayers() == null ? Map.of() : raw.maxPlayers();
        return new NotifyConfig(channels, routes, cooldown, digest, privacy, maxPlayers, or(raw.queueCapacity(), d.queueCapacity()));
    }

    /**
     * @param stateDir the state directory; the returning-player store defaults to {@code <stateDir>/returning}
     */
    public EnrichSettings enrich(NotifyYaml.Enrich raw, Map<String, String> environment, String userHome, Path stateDir) {
        EnrichSettings d = EnrichSettings.defaults(environment, userHome, stateDir);
        if (raw == null) return d;
        EnrichConfig e = d.enrich();
        Path dataDir = raw.dataDir() == null ? e.dataDir() : path("enrich.data-dir", raw.dataDir(), userHome);
        Path countryDb = raw.countryDb() == null ? null : path("enrich.country-db", raw.countryDb(), userHome);
        List<Path> asnCsv = paths("enrich.asn-csv", raw.asnCsv(), userHome);
        List<Path> asnLists = paths("enrich.asn-lists", raw.asnLists(), userHome);
        EnrichConfig config = new EnrichConfig(or(raw.enabled(), e.enabled()), dataDir, countryDb, asnCsv, asnLists,
                or(raw.cacheSize(), e.cacheSize()), or(raw.queueCapacity(), e.queueCapacity()));
        String store = raw.returningStore() == null ? null : string("enrich.returning-store", raw.returningStore());
        // An unquoted YAML off reads as the boolean false, which arrives here as "false".
        boolean off = store != null && (store.isBlank() || store.equals("off") || store.equals("false"));
        Path seen = store == null ? d.returningStore() : off ? null : tilde(store, userHome);
        return new EnrichSettings(config, seen, or(raw.returningMax(), d.returningMax()));
    }

    private ChannelConfig channel(String at, NotifyYaml.Channel c) {
        if (c == null) throw new IllegalArgumentException(at + " is empty");
        String type = required(at + ".type", c.type()).toLowerCase(Locale.ROOT);
        String name = required(at + ".name", c.name());
        DeliveryConfig delivery = delivery(at + ".delivery", c.delivery(), type);
        Set<String> allowed = switch (type) {
            case "discord" -> Set.of("url", "username");
            case "slack" -> Set.of("url");
            case "webhook" -> Set.of("url", "secret", "headers");
            case "email" -> Set.of("host", "port", "tls", "username", "password", "from", "to", "subject-prefix", "ssl-trust");
            case "script" -> Set.of("command", "environment", "max-output-bytes");
            default -> throw new IllegalArgumentException(at + ".type must be discord, slack, webhook, email or script: " + c.type());
        };
        for (String key : present(c))
            if (!allowed.contains(key)) throw new IllegalArgumentException(at + "." + key + " is not a setting of a " + type + " channel (its settings: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        return check(at, () -> switch (type) {
            case "discord" -> new DiscordConfig(name, url(at + ".url", c.url()), c.username() == null ? "netwarden" : string(at + ".username", c.username()), delivery, c.maskAddresses());
            case "slack" -> new SlackConfig(name, url(at + ".url", c.url()), delivery, c.maskAddresses());
            case "webhook" -> new WebhookConfig(name, url(at + ".url", c.url()), c.secret() == null ? null : new Secret(string(at + ".secret", c.secret())),
                    secrets(at + ".headers", c.headers()), delivery, c.maskAddresses());
            case "email" -> new EmailConfig(name, required(at + ".host", c.host()), c.port() == null ? defaultPort(c.tls()) : c.port(), tls(at + ".tls", c.tls()),
                    c.username() == null ? null : string(at + ".username", c.username()), c.password() == null ? null : new Secret(string(at + ".password", c.password())),
                    required(at + ".from", c.from()), strings(at + ".to", c.to()), c.subjectPrefix() == null ? "[netwarden] " : string(at + ".subject-prefix", c.subjectPrefix()),
                    c.sslTrust() == null ? null : string(at + ".ssl-trust", c.sslTrust()), delivery, c.maskAddresses());
            default -> new ScriptConfig(name, strings(at + ".command", c.command()), secrets(at + ".environment", c.environment()),
                    or(c.maxOutputBytes(), 64 * 1024), delivery, c.maskAddresses());
        });
    }

    private static List<String> present(NotifyYaml.Channel c) {
        List<String> keys = new ArrayList<>();
        if (c.url() != null) keys.add("url");
        if (c.username() != null) keys.add("username");
        if (c.secret() != null) keys.add("secret");
        if (c.headers() != null) keys.add("headers");
        if (c.host() != null) keys.add("host");
        if (c.port() != null) keys.add("port");
        if (c.tls() != null) keys.add("tls");
        if (c.password() != null) keys.add("password");
        if (c.from() != null) keys.add("from");
        if (c.to() != null) keys.add("to");
        if (c.subjectPrefix() != null) keys.add("subject-prefix");
        if (c.sslTrust() != null) keys.add("ssl-trust");
        if (c.command() != null) keys.add("command");
        if (c.environment() != null) keys.add("environment");
        if (c.maxOutputBytes() != null) keys.add("max-output-bytes");
        return keys;
    }

    private DeliveryConfig delivery(String at, NotifyYaml.Delivery r, String type) {
        DeliveryConfig d = DeliveryConfig.defaults();
        if (type.equals("script")) d = d.withTimeout(Duration.ofSeconds(30)).withMaxAttempts(1);
        if (r == null) return d;
        DeliveryConfig base = d;
        return check(at, () -> new DeliveryConfig(or(r.queueCapacity(), base.queueCapacity()), or(r.maxAttempts(), base.maxAttempts()),
                duration(at + ".initial-backoff", r.initialBackoff(), base.initialBackoff()),
                duration(at + ".max-backoff", r.maxBackoff(), base.maxBackoff()), duration(at + ".timeout", r.timeout(), base.timeout())));
    }

    private RouteRule route(String at, NotifyYaml.Route r) {
        if (r == null) throw new IllegalArgumentException(at + " is empty");
        String name = required(at + ".name", r.name());
        Severity min = r.minSeverity() == null ? null : severity(at + ".min-severity", r.minSeverity());
        Duration cooldown = r.cooldown() == null ? null : duration(at + ".cooldown", r.cooldown(), null);
        return check(at, () -> new RouteRule(name, Set.copyOf(list(r.kinds())), Set.copyOf(list(r.services())), min, list(r.channels()), cooldown,
                or(r.continueMatching(), false)));
    }

    private DigestConfig digest(NotifyYaml.Digest r, DigestConfig d) {
        if (r == null) return d;
        return check("notify.digest", () -> new DigestConfig(or(r.enabled(), d.enabled()), duration("notify.digest.window", r.window(), d.window()),
                or(r.threshold(), d.threshold()), r.kinds() == null ? d.kinds() : new HashSet<>(r.kinds())));
    }

    private static Severity severity(String at, String text) {
        for (Severity s : Severity.values()) if (s.label().equalsIgnoreCase(text.strip())) return s;
        throw new IllegalArgumentException(at + " must be low, medium, high or critical: " + text);
    }

    private static EmailConfig.Tls tls(String at, String text) {
        if (text == null) return EmailConfig.Tls.STARTTLS;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> EmailConfig.Tls.NONE;
            case "starttls" -> EmailConfig.Tls.STARTTLS;
            case "tls", "smtps" -> EmailConfig.Tls.TLS;
            default -> throw new IllegalArgumentException(at + " must be none, starttls or tls: " + text);
        };
    }

    private static int defaultPort(String tls) {
        return tls != null && tls.strip().equalsIgnoreCase("tls") ? 465 : tls != null && tls.strip().equalsIgnoreCase("none") ? 25 : 587;
    }

    private WebhookUrl url(String at, String raw) {
        return WebhookUrl.parse(at, required(at, raw));
    }

    private Map<String, Secret> secrets(String at, Map<String, String> raw) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (raw != null) raw.forEach((k, v) -> out.put(k, new Secret(required(at + "." + k, v))));
        return out;
    }

    private List<String> strings(String at, List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) for (int i = 0; i < raw.size(); i++) out.add(required(at + "[" + i + "]", raw.get(i)));
        return out;
    }

    private Path path(String at, String raw, String userHome) {
        return tilde(required(at, raw), userHome);
    }

    private List<Path> paths(String at, List<String> raw, String userHome) {
        return strings(at, raw).stream().map(s -> tilde(s, userHome)).toList();
    }

    private static Path tilde(String p, String userHome) {
        return p.equals("~") ? Path.of(userHome) : p.startsWith("~/") ? Path.of(userHome, p.substring(2)) : Path.of(p);
    }

    private Duration duration(String at, String raw, Duration fallback) {
        if (raw == null) return fallback;
        return check(at, () -> Durations.parse(string(at, raw)));
    }

    private String required(String at, String raw) {
        String s = string(at, raw);
        if (s == null || s.isBlank()) throw new IllegalArgumentException(at + " must not be empty");
        return s.strip();
    }

    private String string(String at, String raw) {
        return check(at, () -> expand.apply(raw));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <T> T or(T v, T fallback) {
        return v == null ? fallback : v;
    }

    /** Runs a record constructor; its message gets the key path (see {@link #qualify}) unless it already names a key. */
    private static <T> T check(String at, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(m.startsWith("notify.") || m.startsWith("enrich.") ? m : qualify(at, m), e);
        }
    }

    /** Settings the records name at the start of their messages ({@code secret must hold ...}). */
    private static final Set<String> FIELDS = Set.of("url", "username", "secret", "headers", "host", "port", "tls", "password",
            "from", "to", "subject-prefix", "ssl-trust", "command", "environment", "max-output-bytes",
            "queue-capacity", "max-attempts", "initial-backoff", "max-backoff", "timeout");
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("([a-z][a-z-]*)([ :].*)", java.util.regex.Pattern.DOTALL);

    /**
     * Puts {@code at} in front of a record's message so it names the full key, which the config
     * loader then points at: {@code secret must ...} under {@code notify.channels[0]} becomes
     * {@code notify.channels[0].secret must ...}, {@code digest.kinds: ...} under {@code notify.digest}
     * becomes {@code notify.digest.kinds: ...}; other messages become {@code at: message}.
     */
    static String qualify(String at, String message) {
        String last = at.substring(at.lastIndexOf('.') + 1);
        if (message.startsWith(last + ".")) return at + message.substring(last.length());
        java.util.regex.Matcher f = FIELD.matcher(message);
        boolean container = at.endsWith("]") || last.equals("delivery"); // a channel or its delivery, not a single setting
        if (container && f.matches() && FIELDS.contains(f.group(1))) return at + "." + f.group(1) + f.group(2);
        return at + ": " + message;
    }
}
