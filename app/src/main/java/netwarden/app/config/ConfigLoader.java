package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a YAML config file into a {@link NetwardenConfig}. Everything that can be wrong with it —
 * YAML syntax, an unknown key (likely a typo), a wrong type, a value a component rejects, an unset
 * {@code ${ENV}} — becomes a {@link ConfigException} saying {@code FILE:LINE:COLUMN: what}.
 * The environment is passed in (not read here) so tests control it.
 */
public final class ConfigLoader {
    private final YAMLMapper mapper;
    private final Map<String, String> environment;
    private final String userHome;

    /** The environment given; the user's home is {@link #userHome(Map) its HOME}. */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, userHome(environment));
    }

    /** @param userHome where {@code ~} in paths points and the default GeoIP data directory lives (tests fix it) */
    public ConfigLoader(Map<String, String> environment, String userHome) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
        this.mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** {@code HOME} when it is an absolute path, else the JVM's {@code user.home}. */
    public static String userHome(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home != null && home.startsWith("/") ? home : System.getProperty("user.home");
    }

    /** Defaults plus the environment, as when no file is given. */
    public NetwardenConfig defaults() {
        return new ConfigBinder("(defaults)", LocationIndex.EMPTY, environment, userHome).bind(null);
    }

    public NetwardenConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "config file not found");
        } catch (IOException e) {
            throw new ConfigException(name, "cannot read config file: " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Parses {@code yaml} as if read from a file called {@code name}. */
    public NetwardenConfig parse(String name, String yaml) {
        LocationIndex index = LocationIndex.EMPTY;
        RawConfig raw;
        try {
            // Index first: it reports YAML syntax errors at their place, and binding errors use it for key positions.
            index = LocationIndex.of(mapper.getFactory(), yaml);
            try (JsonParser p = mapper.createParser(yaml)) {
                raw = p.nextToken() == null ? null : mapper.readValue(p, RawConfig.class);
            }
        } catch (JsonProcessingException e) {
            throw located(name, index, e);
        } catch (IOException e) {
            throw new ConfigException(name, "cannot parse config: " + e.getMessage());
        }
        return new ConfigBinder(name, index, environment, userHome).bind(raw);
    }

    private static ConfigException located(String file, LocationIndex index, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String path = e instanceof JsonMappingException m ? path(m) : "";
        // An unknown key is best shown where the key is written; Jackson's own location is past it.
        if (e instanceof UnrecognizedPropertyException && index.has(path)) l = index.find(path);
        String message = describe(e, path);
        if (l == null || l.getLineNr() <= 0) return new ConfigException(file, message);
        return new ConfigException(file, l.getLineNr(), l.getColumnNr(), message, e);
    }

    private static String describe(JsonProcessingException e, String path) {
        return switch (e) {
            case UnrecognizedPropertyException u -> {
                var known = new TreeSet<String>();
                if (u.getKnownPropertyIds() != null) u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                yield "unknown key '" + path + "' (likely a typo; known keys here: " + String.join(", ", known) + ")";
            }
            case InvalidFormatException f -> path + ": '" + f.getValue() + "' is not " + kind(f.getTargetType());
            case MismatchedInputException m when !path.isEmpty() -> path + ": expected " + kind(m.getTargetType());
            case MismatchedInputException m -> "the config must be a mapping of keys (http, api, services, ...)";
            case JsonMappingException m -> (path.isEmpty() ? "" : path + ": ") + m.getOriginalMessage();
            default -> {
                String original = String.valueOf(e.getOriginalMessage());
                var duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(original);
                yield duplicate.find() ? "duplicate key '" + duplicate.group(1) + "' (a key may appear once per mapping)"
                        : "invalid YAML: " + firstLines(original);
            }
        };
    }

    /** SnakeYAML messages repeat the place with a source excerpt on indented lines; keep the words. */
    private static String firstLines(String message) {
        return String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    }

    /** Dotted key path of a binding error in the file's own spelling: {@code services[2].port}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) return "a value of the right type";
        if (type == Integer.class || type == int.class || type == Long.class) return "a whole number";
        if (type == Double.class || type == double.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a single value (text)";
        if (java.util.List.class.isAssignableFrom(type)) return "a list";
        return "a mapping of keys";
    }
}
