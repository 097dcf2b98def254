package netwarden.sinks.notify.config;

import java.util.Objects;

/** A Slack incoming webhook. */
public record SlackConfig(String name, WebhookUrl url, DeliveryConfig delivery, Boolean maskAddresses) implements ChannelConfig {
    public SlackConfig {
        ChannelConfig.checkName("slack", name);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(delivery, "delivery");
    }

    public static SlackConfig of(String name, WebhookUrl url) {
        return new SlackConfig(name, url, DeliveryConfig.defaults(), null);
    }

    @Override
    public String type() {
        return "slack";
    }
}
