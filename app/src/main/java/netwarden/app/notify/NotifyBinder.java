package netwarden.app.notify;

import static netwarden.app.config.Binding.or;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import netwarden.app.config.Binding;
import netwarden.model.Severity;
import netwarden.enrich.EnrichConfig;
import netwarden.sinks.notify.config.ChannelConfig;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.DigestConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.PrivacyConfig;
import netwarden.sinks.notify.config.QuietWindow;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.config.WebhookConfig;
import netwarden.sinks.notify.config.WebhookUrl;

/**
 * Turns the raw {@code notify:} and {@code enrich:} sections into {@link NotifyConfig} and
 * {@link EnrichSettings}, filling defaults and expanding {@code ${ENV}} in every string. Problems
 * are recorded in the {@link Binding} at their key path ({@code notify.channels[1].url}); a channel
 * or route with a problem is left out so the rest is still checked.
 */
public final class NotifyBinder {
    private final Binding b;

    public NotifyBinder(Binding binding) {
        this.b = binding;
    }

    public NotifyConfig notifications(NotifyYaml.Notify raw) {
        NotifyConfig d = NotifyConfig.defaults();
        if (raw == null) return d;
        List<ChannelConfig> channels = new ArrayList<>();
        if (raw.channels() != null) for (int i = 0; i < raw.channels().size(); i++) add(channels, channel("notify.channels[" + i + "]", raw.channels().get(i)));
        List<RouteRule> routes = new ArrayList<>();
        if (raw.routes() != null) for (int i = 0; i < raw.routes().size(); i++) add(routes, route("notify.routes[" + i + "]", raw.routes().get(i)));
        Duration cooldown = b.duration("notify.cooldown", raw.cooldown(), d.cooldown());
        DigestConfig digest = digest(raw.digest(), d.digest());
        PrivacyConfig privacy = raw.privacy() == null ? d.privacy() : new PrivacyConfig(or(raw.privacy().maskAddresses(), d.privacy().maskAddresses()),
                or(raw.privacy().showConnect(), d.privacy().showConnect()));
        Map<String, Integer> maxPlayers = raw.maxPlayers() == null ? Map.of() : raw.maxPlayers();
        // Routes naming a channel left out for its own problem would only repeat that problem: the rest is checked without them.
        List<RouteRule> checked = b.failed("notify.channels") ? List.of() : routes;
        return b.check("", () -> new NotifyConfig(channels, checked, cooldown, digest, privacy, maxPlayers, or(raw.queueCapacity(), d.queueCapacity())), d);
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) list.add(item);
    }

    /**
     * @param stateDir the state directory; the returning-player store defaults to {@code <stateDir>/returning}
     */
    public EnrichSettings enrich(NotifyYaml.Enrich raw, Map<String, String> environment, String userHome, Path stateDir) {
        EnrichSettings d = EnrichSettings.defaults(environment, userHome, stateDir);
        if (raw == null) return d;
        EnrichConfig e = d.enrich();
        Path dataDir = or(b.path("enrich.data-dir", raw.dataDir(), userHome), e.dataDir());
        Path countryDb = b.path("enrich.country-db", raw.countryDb(), userHome);
        List<Path> asnCsv = paths("enrich.asn-csv", raw.asnCsv(), userHome);
        List<Path> asnLists = paths("enrich.asn-lists", raw.asnLists(), userHome);
        EnrichConfig config = b.check("", () -> new EnrichConfig(or(raw.enabled(), e.enabled()), dataDir, countryDb, asnCsv, asnLists,
                or(raw.cacheSize(), e.cacheSize()), or(raw.queueCapacity(), e.queueCapacity())), e);
        String store = b.string("enrich.returning-store", raw.returningStore());
        // An unquoted YAML off reads as the boolean false, which arrives here as "false".
        boolean off = store != null && (store.isBlank() || store.equals("off") || store.equals("false"));
        Path seen = store == null ? d.returningStore() : off ? null : b.path("enrich.returning-store", store, userHome);
        return b.check("", () -> new EnrichSettings(config, seen, or(raw.returningMax(), d.returningMax())), d);
    }

    private ChannelConfig channel(String at, NotifyYaml.Channel c) {
        if (c == null) {
            if (!b.failed(at)) b.problem(at, null, at + " is empty", null); // else: not a mapping, reported
            return null;
        }
        String typeText = b.required(at + ".type", c.type());
        String name = b.required(at + ".name", c.name());
        if (typeText == null) return null;
        String type = typeText.toLowerCase(Locale.ROOT);
        Set<String> allowed = switch (type) {
            case "discord" -> Set.of("url", "username");
            case "slack" -> Set.of("url");
            case "webhook" -> Set.of("url", "secret", "headers");
            case "email" -> Set.of("host", "port", "tls", "username", "password", "from", "to", "subject-prefix", "ssl-trust");
            case "script" -> Set.of("command", "environment", "max-output-bytes");
            default -> null;
        };
        if (allowed == null) {
            b.problem(at + ".type", c.type(), at + ".type must be discord, slack, webhook, email or script: " + c.type(), null);
            return null;
        }
        DeliveryConfig delivery = delivery(at + ".delivery", c.delivery(), type);
        for (String key : present(c))
            if (!allowed.contains(key))
                b.problem(at + "." + key, null, at + "." + key + " is not a setting of a " + type + " channel (its settings: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")", null);
        if (name == null || b.failed(at)) return null;
        return switch (type) {
            case "discord" -> {
                WebhookUrl url = url(at + ".url", c.url());
                String user = c.username() == null ? "netwarden" : b.string(at + ".username", c.username());
                yield url == null || user == null ? null : b.check(at, () -> new DiscordConfig(name, url, user, delivery, c.maskAddresses()), null);
            }
            case "slack" -> {
                WebhookUrl url = url(at + ".url", c.url());
                yield url == null ? null : b.check(at, () -> new SlackConfig(name, url, delivery, c.maskAddresses()), null);
            }
            case "webhook" -> {
                WebhookUrl url = url(at + ".url", c.url());
                Secret secret = secret(at + ".secret", c.secret());
                Map<String, Secret> headers = secrets(at + ".headers", c.headers());
                yield url == null || b.failed(at) ? null : b.check(at, () -> new WebhookConfig(name, url, secret, headers, delivery, c.maskAddresses()), null);
            }
            case "email" -> email(at, name, c, delivery);
            default -> {
                List<String> command = strings(at + ".command", c.command());
                Map<String, Secret> env = secrets(at + ".environment", c.environment());
                yield b.failed(at) ? null : b.check(at, () -> new ScriptConfig(name, command, env, or(c.maxOutputBytes(), 64 * 1024), delivery, c.maskAddresses()), null);
            }
        };
    }

    private ChannelConfig email(String at, String name, NotifyYaml.Channel c, DeliveryConfig delivery) {
        String host = b.required(at + ".host", c.host());
        EmailConfig.Tls tls = tls(at + ".tls", c.tls());
        String user = b.string(at + ".username", c.username());
        Secret password = secret(at + ".password", c.password());
        String from = b.required(at + ".from", c.from());
        List<String> to = strings(at + ".to", c.to());
        String prefix = c.subjectPrefix() == null ? "[netwarden] " : b.string(at + ".subject-prefix", c.subjectPrefix());
        String trust = b.string(at + ".ssl-trust", c.sslTrust());
        if (b.failed(at)) return null;
        int port = c.port() == null ? defaultPort(c.tls()) : c.port();
        return b.check(at, () -> new EmailConfig(name, host, port, tls, user, password, from, to, prefix, trust, delivery, c.maskAddresses()), null);
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
        Duration initial = b.duration(at + ".initial-backoff", r.initialBackoff(), base.initialBackoff());
        Duration max = b.duration(at + ".max-backoff", r.maxBackoff(), base.maxBackoff());
        Duration timeout = b.duration(at + ".timeout", r.timeout(), base.timeout());
        return b.check(at, () -> new DeliveryConfig(or(r.queueCapacity(), base.queueCapacity()), or(r.maxAttempts(), base.maxAttempts()),
                initial, max, timeout), base);
    }

    private RouteRule route(String at, NotifyYaml.Route r) {
        if (r == null) {
            if (!b.failed(at)) b.problem(at, null, at + " is empty", null);
            return null;
        }
        String name = b.required(at + ".name", r.name());
        Severity min = r.minSeverity() == null ? null : severity(at + ".min-severity", r.minSeverity());
        Duration cooldown = b.duration(at + ".cooldown", r.cooldown(), null);
        var quiet = new java.util.ArrayList<QuietWindow>();
        List<String> windows = list(r.quiet());
        for (int i = 0; i < windows.size(); i++) {
            String field = at + ".quiet[" + i + "]", text = windows.get(i);
            QuietWindow w = b.check(field, () -> QuietWindow.parse("", text), null);
            if (w != null) quiet.add(w);
        }
        if (name == null || b.failed(at)) return null;
        return b.check(at, () -> new RouteRule(name, Set.copyOf(list(r.kinds())), Set.copyOf(list(r.services())), min, list(r.channels()), cooldown,
                or(r.continueMatching(), false), quiet), null);
    }

    private DigestConfig digest(NotifyYaml.Digest r, DigestConfig d) {
        if (r == null) return d;
        Duration window = b.duration("notify.digest.window", r.window(), d.window());
        return b.check("notify", () -> new DigestConfig(or(r.enabled(), d.enabled()), window,
                or(r.threshold(), d.threshold()), r.kinds() == null ? d.kinds() : new HashSet<>(list(r.kinds()))), d);
    }

    private Severity severity(String at, String text) {
        for (Severity s : Severity.values()) if (s.label().equalsIgnoreCase(text.strip())) return s;
        b.problem(at, text, at + " must be low, medium, high or critical: " + text, null);
        return null;
    }

    private EmailConfig.Tls tls(String at, String text) {
        if (text == null) return EmailConfig.Tls.STARTTLS;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> EmailConfig.Tls.NONE;
            case "starttls" -> EmailConfig.Tls.STARTTLS;
            case "tls", "smtps" -> EmailConfig.Tls.TLS;
            default -> {
                b.problem(at, text, at + " must be none, starttls or tls: " + text, null);
                yield null;
            }
        };
    }

    private static int defaultPort(String tls) {
        return tls != null && tls.strip().equalsIgnoreCase("tls") ? 465 : tls != null && tls.strip().equalsIgnoreCase("none") ? 25 : 587;
    }

    private WebhookUrl url(String at, String raw) {
        String text = b.required(at, raw);
        return text == null ? null : b.check(at, () -> WebhookUrl.parse(at, text), null);
    }

    private Secret secret(String at, String raw) {
        String s = b.string(at, raw);
        return s == null ? null : new Secret(s);
    }

    private Map<String, Secret> secrets(String at, Map<String, String> raw) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (raw != null) raw.forEach((k, v) -> {
            String s = b.required(at + "." + k, v);
            if (s != null) out.put(k, new Secret(s));
        });
        return out;
    }

    private List<String> strings(String at, List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) for (int i = 0; i < raw.size(); i++) add(out, b.required(at + "[" + i + "]", raw.get(i)));
        return out;
    }

    private List<Path> paths(String at, List<String> raw, String userHome) {
        List<Path> out = new ArrayList<>();
        if (raw != null) for (int i = 0; i < raw.size(); i++) add(out, b.path(at + "[" + i + "]", raw.get(i), userHome));
        return out;
    }

    /** The list without the elements that were not text (reported where they stand). */
    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l.stream().filter(java.util.Objects::nonNull).toList();
    }
}
