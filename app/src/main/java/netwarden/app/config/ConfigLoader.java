package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML config file into a {@link NetwardenConfig}. Everything that can be wrong with it —
 * YAML syntax, an alias, an unknown key (likely a typo), a wrong type, a value a component rejects,
 * an unset {@code ${ENV}}, a table too large for the heap — becomes a {@link ConfigProblem}, and all
 * of them are thrown at once as a {@link ConfigException}, each line {@code FILE:LINE:COLUMN: what}.
 * A YAML syntax error stops reading, so it comes alone. The environment is passed in (not read here)
 * so tests control it.
 */
public final class ConfigLoader {
    /** A config file is text of a few kB; a larger one (or a link to /dev/zero) is refused, not read whole. */
    static final int MAX_FILE_BYTES = 4 << 20;
    /** Values Jackson cannot read at all that are blanked out and read past, at most, in one file. */
    private static final int MAX_UNREADABLE_VALUES = 100;
    /** YAML 1.1's infinities and not-a-number, which the parser refuses outright. */
    private static final java.util.regex.Pattern NON_FINITE = java.util.regex.Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** The sections {@code replay} uses: the engine's. */
    public static final Set<String> ENGINE_SECTIONS = Set.of("services", "discovery", "players", "windows", "flows", "detection", "engine");

    private final YAMLMapper mapper;
    private final Map<String, String> environment;
    private final String userHome;
    private final long maxHeap;

    /** The environment given; the user's home is {@link #userHome(Map) its HOME}; this JVM's heap. */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, userHome(environment));
    }

    /** @param userHome where {@code ~} in paths points and the default GeoIP data directory lives (tests fix it) */
    public ConfigLoader(Map<String, String> environment, String userHome) {
        this(environment, userHome, Runtime.getRuntime().maxMemory());
    }

    /** @param maxHeap the heap (bytes) the tables sized in the config must fit in */
    public ConfigLoader(Map<String, String> environment, String userHome, long maxHeap) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
        this.maxHeap = maxHeap;
        this.mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build(); // duplicate keys are found by the LocationIndex, reported with the rest
    }

    /** {@code HOME} when it is an absolute path, else the JVM's {@code user.home}. */
    public static String userHome(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home != null && home.startsWith("/") ? home : System.getProperty("user.home");
    }

    /** Defaults plus the environment, as when no file is given. */
    public NetwardenConfig defaults() {
        Binding b = new Binding("(defaults)", LocationIndex.EMPTY, environment, null);
        return new ConfigBinder(b, environment, userHome, null, maxHeap).bind(null);
    }

    public NetwardenConfig load(Path file) {
        return load(file, null);
    }

    /**
     * @param sections the top-level sections to use (e.g. {@link #ENGINE_SECTIONS}); the others are
     *                 read for syntax only, their values (and {@code ${ENV}} references) ignored; null for all
     */
    public NetwardenConfig load(Path file, Set<String> sections) {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.isDirectory(file)) throw new ConfigException(name, "is a directory, not a config file");
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "config file not found");
        } catch (IOException e) {
            throw new ConfigException(name, "cannot read config file: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES)
            throw new ConfigException(name, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB; a config file is a few kB of YAML");
        return parse(name, new String(bytes, StandardCharsets.UTF_8), sections);
    }

    /**
     * Problems found after loading (the checks {@code run} makes before it starts), each at its place
     * in {@code file}; without a file (defaults and flags only) they carry no place.
     */
    public ConfigException locate(Path file, java.util.List<ConfigProblem> problems) {
        LocationIndex index = LocationIndex.EMPTY;
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                index = LocationIndex.of(mapper.getFactory(), new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Loaded a moment ago; changed since: the problems still stand, without a place.
            }
        }
        Binding b = new Binding(file == null ? "(command line)" : file.toString(), index, environment, null);
        problems.forEach(b::add);
        return new ConfigException(b.located(), null);
    }

    /** Parses {@code yaml} as if read from a file called {@code name}. */
    public NetwardenConfig parse(String name, String yaml) {
        return parse(name, yaml, null);
    }

    NetwardenConfig parse(String name, String yaml, Set<String> sections) {
        LocationIndex index;
        try {
            // Index first: it finds syntax errors and aliases, and gives every key path its place.
            index = LocationIndex.of(mapper.getFactory(), yaml);
        } catch (JsonProcessingException e) {
            throw syntax(name, yaml, e);
        } catch (IOException e) {
            throw new ConfigException(name, "cannot parse config: " + e.getMessage());
        }
        Binding b = new Binding(name, index, environment, sections);
        KeySchema.check(index, b);
        for (LocationIndex.Duplicate d : index.duplicates())
            b.problemAt(new ConfigProblem(d.path().isEmpty() ? d.key() : d.path() + "." + d.key(), null,
                    (d.path().isEmpty() ? "" : d.path() + ": ") + "duplicate key '" + d.key() + "' (a key may appear once per mapping)",
                    "keep one of them"), d.location().getLineNr(), d.location().getColumnNr());
        for (LocationIndex.Alias a : index.aliases())
            b.problemAt(new ConfigProblem(a.path(), a.name(), (a.path().isEmpty() ? "" : a.path() + ": ") + "YAML aliases (*" + a.name()
                    + ") are not read by netwarden", "write the value out in full (in quotes if it starts with '*')"),
                    a.location().getLineNr(), a.location().getColumnNr());
        return new ConfigBinder(b, environment, userHome, sections, maxHeap).bind(read(name, yaml, index, b));
    }

    /**
     * Binds the text to {@link RawConfig}. Jackson stops at some values it cannot read (a number out of range,
     * a fraction or {@code .inf} where a whole number belongs, a single value where a mapping belongs): each
     * is recorded, blanked out ({@link LocationIndex#withoutValue}, its default then stands) and the file read
     * again, so every problem is still reported at once. Problems found again on a later pass are recorded once.
     */
    private RawConfig read(String name, String yaml, LocationIndex index, Binding b) {
        String text = yaml;
        for (int pass = 0; pass <= MAX_UNREADABLE_VALUES; pass++) {
            try (JsonParser p = mapper.createParser(text)) {
                return p.nextToken() == null ? null : mapper.readerFor(RawConfig.class).withHandler(new CollectProblems(b)).readValue(p);
            } catch (JsonProcessingException e) {
                String path = e instanceof JsonMappingException m ? path(m) : "";
                located(b, e, path, index.scalar(path));
                text = path.isEmpty() ? null : index.withoutValue(text, path);
                if (text == null) return null; // nothing to blank: what was read so far is lost, the problem stands
            } catch (IOException e) {
                throw new ConfigException(name, "cannot parse config: " + e.getMessage());
            }
        }
        return null;
    }

    private static ConfigException syntax(String file, String yaml, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m) {
            YamlSyntax.Described d = new YamlSyntax(yaml).describe(m);
            return new ConfigException(file, d.line(), d.column(), d.text(), e);
        }
        String original = String.valueOf(e.getOriginalMessage());
        var duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(original);
        String text = duplicate.find() ? "duplicate key '" + duplicate.group(1) + "' (a key may appear once per mapping)"
                : "invalid YAML: " + original.lines().findFirst().orElse("");
        JsonLocation l = e.getLocation();
        return l == null ? new ConfigException(file, text) : new ConfigException(file, l.getLineNr(), l.getColumnNr(), text, e);
    }

    /** A binding error Jackson did not hand to {@link CollectProblems} (it stops reading): one more problem. */
    private static void located(Binding b, JsonProcessingException e, String path, LocationIndex.Scalar value) {
        if (!path.isEmpty() && b.failed(path)) return; // e.g. an alias standing where a mapping belongs: reported already
        if (value != null && NON_FINITE.matcher(value.text()).matches()) {
            b.problemAt(new ConfigProblem(path, value.text(), path + " must be a finite number: " + value.text(), "write a number such as 5 or 0.5"),
                    value.location().getLineNr(), value.location().getColumnNr());
            return;
        }
        String what = switch (e) {
            case InvalidFormatException f -> path + ": '" + f.getValue() + "' is not " + CollectProblems.kind(f.getTargetType());
            case MismatchedInputException m when !path.isEmpty() -> path + ": expected " + CollectProblems.kind(m.getTargetType());
            case JsonMappingException m when m.getCause() instanceof InputCoercionException ->
                    path + ": the number is out of range (at most " + Integer.MAX_VALUE + ")";
            case MismatchedInputException m -> "the config must be a mapping of keys (http, api, services, ...)";
            case JsonMappingException m -> (path.isEmpty() ? "" : path + ": ") + m.getOriginalMessage();
            default -> "invalid YAML: " + e.getOriginalMessage();
        };
        JsonLocation l = value != null ? value.location() : e.getLocation();
        if (l == null || l.getLineNr() <= 0) b.structural(new ConfigProblem(path, null, what, null));
        else b.problemAt(new ConfigProblem(path, null, what, null), l.getLineNr(), l.getColumnNr());
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

}
