package netwarden.sinks.notify.config;

import java.util.Objects;
import netwarden.model.SettingException;

/**
 * A Discord channel webhook.
 *
 * @param username shown as the message author; null keeps the webhook's own name
 */
public record DiscordConfig(String name, WebhookUrl url, String username, DeliveryConfig delivery, Boolean maskAddresses)
        implements ChannelConfig {
    public DiscordConfig {
        ChannelConfig.checkName("discord", name);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(delivery, "delivery");
        if (username != null && (username.isBlank() || username.length() > 80))
            throw new SettingException("username", username, "username must be 1..80 characters: " + username);
    }

    public static DiscordConfig of(String name, WebhookUrl url) {
        return new DiscordConfig(name, url, "netwarden", DeliveryConfig.defaults(), null);
    }

    @Override
    public String type() {
        return "discord";
    }
}
