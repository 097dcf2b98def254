package netwarden.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import netwarden.engine.detect.BaselineState;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned detection baselines on disk, so a restart does not start learning from nothing:
 * {@code {"version":1,"baselines":{"service:arena:pps":{"mean":..,"deviation":..,"samples":..},...}}}.
 *
 * <p>Loading never fails the caller: an absent file is a cold start (one INFO line); an unreadable
 * or corrupt one is a cold start with a WARN, and the bad file (also one that is not a regular
 * file, or larger than {@value #MAX_BYTES} bytes, which is not read) is moved aside to
 * {@code baselines.json.corrupt} so the next save does not destroy what an operator may want to
 * inspect. Saving writes a temporary file and renames it over the old one, so a crash mid-write
 * leaves the previous file whole.
 */
public final class BaselineFile {
    static final int VERSION = 1;
    /** A larger file is not read (a link to /dev/zero would fill the heap): ~100 bytes a baseline, so 300,000 of them. */
    static final int MAX_BYTES = 32 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(BaselineFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public BaselineFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The saved baselines, or an empty map (cold start) when there are none or they cannot be read. */
    public Map<String, BaselineState> load() {
        byte[] bytes;
        try {
            bytes = StateFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            LOG.info("no saved detection baselines at {}: learning from scratch (floors alone until the cold start is over)", file);
            return Map.of();
        } catch (StateFiles.DamagedException e) {
            LOG.warn("detection baselines {} cannot be used ({}); {}; learning from scratch", file, e.getMessage(), StateFiles.moveAside(file));
            return Map.of();
        } catch (IOException e) {
            LOG.warn("cannot read detection baselines {} ({}): learning from scratch", file, e.toString());
            return Map.of();
        }
        try {
            Map<String, BaselineState> loaded = parse(bytes);
            LOG.info("loaded {} learned detection baselines from {}", loaded.size(), file);
            return loaded;
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceAll("\\s*\\(for Object starting at.*", "").strip();
            LOG.warn("detection baselines {} are corrupt ({}); {}; learning from scratch", file, why, StateFiles.moveAside(file));
            return Map.of();
        }
    }

    /** Writes {@code baselines} atomically, creating the directory when needed. */
    public void save(Map<String, BaselineState> baselines) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ObjectNode all = root.putObject("baselines");
        new TreeMap<>(baselines).forEach((key, b) ->
                all.putObject(key).put("mean", b.mean()).put("deviation", b.deviation()).put("samples", b.samples()));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, BaselineState> parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject()) throw new IOException("not a JSON object");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION)
            throw new IOException("unsupported version " + version + " (expected " + VERSION + ")");
        JsonNode all = root.get("baselines");
        if (all == null || !all.isObject()) throw new IOException("'baselines' is not an object");
        var out = new TreeMap<String, BaselineState>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            JsonNode b = e.getValue();
            out.put(e.getKey(), new BaselineState(number(b, e.getKey(), "mean"), number(b, e.getKey(), "deviation"),
                    (long) number(b, e.getKey(), "samples")));
        }
        return out;
    }

    private static double number(JsonNode baseline, String key, String field) throws IOException {
        JsonNode v = baseline == null ? null : baseline.get(field);
        if (v == null || !v.isNumber()) throw new IOException("baseline '" + key + "' has no numeric " + field);
        return v.doubleValue();
    }
}
