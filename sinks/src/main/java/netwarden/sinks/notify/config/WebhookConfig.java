package netwarden.sinks.notify.config;

import java.util.Map;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * A generic JSON webhook, signed with HMAC-SHA256 (see docs/notify.md for the body and signature).
 *
 * @param secret  shared HMAC key, at least 16 characters; null sends unsigned requests
 * @param headers extra request headers (e.g. an Authorization header); values are treated as secrets
 */
public record WebhookConfig(String name, WebhookUrl url, Secret secret, Map<String, Secret> headers, DeliveryConfig delivery,
                            Boolean maskAddresses) implements ChannelConfig {
    public WebhookConfig {
        ChannelConfig.checkName("webhook", name);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(delivery, "delivery");
        headers = Map.copyOf(headers);
        if (secret != null && secret.reveal().length() < 16)
            throw new SettingException("secret", null, "secret must hold at least 16 characters (got " + secret.reveal().length() + ")");
        for (String h : headers.keySet()) {
            if (!h.matches("[A-Za-z0-9-]+")) throw new SettingException("headers", h, "header name must be letters, digits and '-': " + h);
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("x-netwarden-"))
                throw new SettingException("headers", null, "header " + h + " is set by netwarden itself");
        }
    }

    public static WebhookConfig of(String name, WebhookUrl url, Secret secret) {
        return new WebhookConfig(name, url, secret, Map.of(), DeliveryConfig.defaults(), null);
    }

    @Override
    public String type() {
        return "webhook";
    }
}
