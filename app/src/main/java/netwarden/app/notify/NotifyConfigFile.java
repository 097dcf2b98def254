package netwarden.app.notify;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.app.config.ConfigException;
import netwarden.sinks.notify.config.NotifyConfig;

/**
 * Reads the {@code notify:} and {@code enrich:} sections of a config file (other sections are left
 * to the main config loader), expands {@code ${ENV}} references and applies
 * {@code NETWARDEN_DISCORD_WEBHOOK}. Errors become {@link ConfigException}s ({@code FILE:LINE:COLUMN: what}
 * for YAML and type errors, {@code FILE: key: what} for values).
 */
public final class NotifyConfigFile {
    /** Both sections, bound. */
    public record Loaded(NotifyConfig notifications, EnrichSettings enrich) {}

    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;
    private final String userHome;
    private final YAMLMapper mapper = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public NotifyConfigFile(Map<String, String> environment, String userHome) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
    }

    /** Defaults plus the environment (no file). */
    public Loaded defaults() {
        return bind("(defaults)", new NotifyYaml.File(null, null));
    }

    public Loaded load(Path file) {
        String name = file.toString();
        NotifyYaml.File raw;
        try {
            String text = Files.readString(file);
            raw = text.isBlank() ? new NotifyYaml.File(null, null) : mapper.readValue(text, NotifyYaml.File.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "config file not found");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String what = e instanceof JsonMappingException m ? path(m) + ": " + m.getOriginalMessage() : "invalid YAML: " + e.getOriginalMessage();
            throw l == null ? new ConfigException(name, what) : new ConfigException(name, l.getLineNr(), l.getColumnNr(), what, e);
        } catch (IOException e) {
            throw new ConfigException(name, "cannot read config file: " + e.getMessage());
        }
        return bind(name, raw == null ? new NotifyYaml.File(null, null) : raw);
    }

    private Loaded bind(String name, NotifyYaml.File raw) {
        NotifyBinder binder = new NotifyBinder(this::expand);
        try {
            NotifyConfig notifications = binder.notifications(raw.notifications()).withEnvironment(environment);
            return new Loaded(notifications, binder.enrich(raw.enrich(), environment, userHome));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, e.getMessage());
        }
    }

    /** {@code ${NAME}} becomes the variable's value, {@code $${} a literal {@code ${}; an unset variable is an error. */
    String expand(String text) {
        if (text == null || text.indexOf('$') < 0) return text;
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1) == null ? "${" : environment.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set (referenced as ${" + m.group(1) + "})");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }
}
