package netwarden.sinks.notify.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.SettingException;

/**
 * Everything about notifications. Records validate themselves; messages name the field and value.
 *
 * @param channels      where notices go (names unique)
 * @param routes        which events go where; empty means {@link #defaultRoutes()}
 * @param cooldown      default cooldown for routes that set none
 * @param digest        storm control per channel
 * @param privacy       what messages may show
 * @param maxPlayers    service id to its player slots, shown as "players online n/max"
 * @param queueCapacity events waiting for the router thread; more are dropped and counted
 */
public record NotifyConfig(List<ChannelConfig> channels, List<RouteRule> routes, Duration cooldown, DigestConfig digest,
                           PrivacyConfig privacy, Map<String, Integer> maxPlayers, int queueCapacity) {
    /** Environment variable for the one-line setup: a Discord webhook URL receiving every event. */
    public static final String DISCORD_ENV = "NETWARDEN_DISCORD_WEBHOOK";
    /** Name of the channel {@link #DISCORD_ENV} creates. */
    public static final String DISCORD_ENV_CHANNEL = "discord";

    public NotifyConfig {
        channels = List.copyOf(channels);
        routes = List.copyOf(routes.isEmpty() ? defaultRoutes() : routes);
        if (cooldown == null || cooldown.isNegative()) throw new SettingException("notify.cooldown", cooldown, "notify.cooldown must not be negative: " + cooldown);
        if (digest == null) throw new SettingException("notify.digest", null, "notify.digest must be set");
        if (privacy == null) throw new SettingException("notify.privacy", null, "notify.privacy must be set");
        maxPlayers = Map.copyOf(maxPlayers);
        maxPlayers.forEach((service, max) -> {
            if (max < 1) throw new SettingException("notify.max-players." + service, max, "notify.max-players." + service + " must be positive: " + max);
        });
        if (queueCapacity < 1 || queueCapacity > 10_000_000)
            throw new SettingException("notify.queue-capacity", queueCapacity, "notify.queue-capacity must be 1..10000000: " + queueCapacity);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < channels.size(); i++)
            if (!names.add(channels.get(i).name())) throw new SettingException("notify.channels[" + i + "].name", channels.get(i).name(), "notify.channels: duplicate channel name '" + channels.get(i).name() + "'");
        Set<String> routeNames = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteRule r = routes.get(i);
            if (!routeNames.add(r.name())) throw new SettingException("notify.routes[" + i + "].name", r.name(), "notify.routes: duplicate route name '" + r.name() + "'");
            for (String ch : r.channels())
                if (!names.contains(ch))
                    throw new SettingException("notify.routes[" + i + "].channels", ch, "notify.routes[" + i + "].channels: no channel named '" + ch + "' (channels: " + names + ")");
        }
    }

    /** No channels, default routes, no default cooldown, default digest and privacy. */
    public static NotifyConfig defaults() {
        return new NotifyConfig(List.of(), List.of(), Duration.ZERO, DigestConfig.defaults(), PrivacyConfig.defaults(), Map.of(), 65_536);
    }

    /**
     * Attack updates at most every 5 minutes per service, then every event to every channel.
     */
    public static List<RouteRule> defaultRoutes() {
        return List.of(new RouteRule("attack-updates", Set.of(EventKinds.ATTACK_UPDATED), Set.of(), null, List.of(),
                Duration.ofMinutes(5), false), RouteRule.everything());
    }

    /**
     * The one-line setup: when {@code environment} holds {@value #DISCORD_ENV}, a Discord channel
     * named {@value #DISCORD_ENV_CHANNEL} is added (unless a channel of that name is configured),
     * receiving what the routes send to every channel. The app passes {@code System.getenv()}.
     *
     * @throws IllegalArgumentException naming the variable when its value is not an http(s) URL
     */
    public NotifyConfig withEnvironment(Map<String, String> environment) {
        String url = environment.get(DISCORD_ENV);
        if (url == null || url.isBlank()) return this;
        if (channels.stream().anyMatch(c -> c.name().equals(DISCORD_ENV_CHANNEL))) return this;
        var all = new java.util.ArrayList<>(channels);
        all.add(DiscordConfig.of(DISCORD_ENV_CHANNEL, WebhookUrl.parse(DISCORD_ENV, url)));
        return withChannels(all);
    }

    public NotifyConfig withChannels(List<ChannelConfig> c) {
        return new NotifyConfig(c, routes, cooldown, digest, privacy, maxPlayers, queueCapacity);
    }

    public NotifyConfig withRoutes(List<RouteRule> r) {
        return new NotifyConfig(channels, r, cooldown, digest, privacy, maxPlayers, queueCapacity);
    }

    public NotifyConfig withDigest(DigestConfig d) {
        return new NotifyConfig(channels, routes, cooldown, d, privacy, maxPlayers, queueCapacity);
    }

    public NotifyConfig withPrivacy(PrivacyConfig p) {
        return new NotifyConfig(channels, routes, cooldown, digest, p, maxPlayers, queueCapacity);
    }

    public NotifyConfig withMaxPlayers(Map<String, Integer> m) {
        return new NotifyConfig(channels, routes, cooldown, digest, privacy, m, queueCapacity);
    }

    public NotifyConfig withQueueCapacity(int n) {
        return new NotifyConfig(channels, routes, cooldown, digest, privacy, maxPlayers, n);
    }

    /** True when the channel masks addresses, after its own setting and the global one. */
    public boolean masks(ChannelConfig c) {
        return c.maskAddresses() != null ? c.maskAddresses() : privacy.maskAddresses();
    }
}
