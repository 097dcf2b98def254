package netwarden.sinks.notify.config;

import java.net.URI;
import java.net.URISyntaxException;
import netwarden.model.SettingException;

/**
 * A webhook URL. Discord and Slack webhook URLs carry their token in the path, so the URL is a
 * secret: {@link #toString()} prints only {@code scheme://host/…}. Only http and https are accepted.
 */
public record WebhookUrl(URI uri) {
    public WebhookUrl {
        if (uri == null) throw new SettingException("url", null, "url must not be empty");
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme))
            throw new SettingException("url", null, "url must be http or https: " + redact(uri));
        if (uri.getHost() == null) throw new SettingException("url", null, "url has no host: " + redact(uri));
    }

    /** Parses {@code text}; the error message never repeats the text beyond scheme and host. */
    public static WebhookUrl parse(String field, String text) {
        if (text == null || text.isBlank()) throw new SettingException("", null, field + " must not be empty");
        try {
            return new WebhookUrl(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new SettingException("", null, field + " is not a valid URL (" + e.getReason() + ")");
        } catch (IllegalArgumentException e) {
            throw new SettingException("", null, field + ": " + e.getMessage());
        }
    }

    /** {@code scheme://host[:port]/…}: what logs may show of a webhook URL. */
    public static String redact(URI uri) {
        if (uri == null) return "null";
        String host = uri.getHost() == null ? "?" : uri.getHost();
        return (uri.getScheme() == null ? "?" : uri.getScheme()) + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/…";
    }

    @Override
    public String toString() {
        return redact(uri);
    }
}
