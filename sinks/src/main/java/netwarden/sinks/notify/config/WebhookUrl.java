package netwarden.sinks.notify.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A webhook URL. Discord and Slack webhook URLs carry their token in the path, so the URL is a
 * secret: {@link #toString()} prints only {@code scheme://host/…}. Only http and https are accepted.
 */
public record WebhookUrl(URI uri) {
    public WebhookUrl {
        if (uri == null) throw new IllegalArgumentException("url must not be empty");
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme))
            throw new IllegalArgumentException("url must be http or https: " + redact(uri));
        if (uri.getHost() == null) throw new IllegalArgumentException("url has no host: " + redact(uri));
    }

    /** Parses {@code text}; the error message never repeats the text beyond scheme and host. */
    public static WebhookUrl parse(String field, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(field + " must not be empty");
        try {
            return new WebhookUrl(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL (" + e.getReason() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
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
