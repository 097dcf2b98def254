package netwarden.sinks.notify.config;

import netwarden.model.SettingException;

/**
 * One place notices go. Every implementation's {@code toString()} redacts its secrets (webhook
 * URLs show scheme and host only, passwords and keys print as ****).
 */
public sealed interface ChannelConfig permits DiscordConfig, SlackConfig, WebhookConfig, EmailConfig, ScriptConfig {
    /** Unique channel name, used in routes and metric labels. */
    String name();

    /** "discord", "slack", "webhook", "email" or "script". */
    String type();

    DeliveryConfig delivery();

    /** Mask addresses in this channel's messages; null means the global privacy setting. */
    Boolean maskAddresses();

    /** Checks a channel name: letters, digits, '.', '_' and '-'. */
    static String checkName(String type, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}"))
            throw new SettingException("name", name, type + " channel name must be 1-64 letters, digits, '.', '_' or '-': " + name);
        return name;
    }
}
