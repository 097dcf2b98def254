package netwarden.sources.docker;

import java.util.Locale;

/**
 * Where a service's id or name comes from: {@code hostname}, {@code id} (12 characters), {@code name}
 * (the container name), {@code label:KEY} or {@code env:KEY}; when the label or variable is absent the
 * container name is used.
 */
public record ServiceNaming(String source, String key) {
    public static final ServiceNaming NAME = new ServiceNaming("name", null);

    public static ServiceNaming parse(String spec, String configKey) {
        String s = spec == null ? "" : spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("hostname") || lower.equals("id") || lower.equals("name")) return new ServiceNaming(lower, null);
        for (String prefix : new String[] {"label:", "env:"})
            if (lower.startsWith(prefix) && s.length() > prefix.length())
                return new ServiceNaming(prefix.substring(0, prefix.length() - 1), s.substring(prefix.length()));
        throw new IllegalArgumentException(configKey + " must be hostname, id, name, label:KEY or env:KEY: '" + spec + "'");
    }

    String apply(Container c) {
        String v = switch (source) {
            case "hostname" -> c.hostname();
            case "id" -> c.id().substring(0, Math.min(12, c.id().length()));
            case "label" -> c.labels().get(key);
            case "env" -> c.env().get(key);
            default -> c.name();
        };
        return v == null || v.isBlank() ? c.name() : v;
    }
}
