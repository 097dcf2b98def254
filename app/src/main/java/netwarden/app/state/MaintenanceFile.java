package netwarden.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.sinks.notify.Maintenance;
import netwarden.sinks.notify.config.QuietWindow;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance windows set from the API, on disk so a window set for a planned restart outlives
 * it: {@code {"version":1,"windows":[{"id":1,"route":"pager","window":"<start>/<end>","reason":".."}]}}.
 *
 * <p>Loading never fails the start: no file is none; a file larger than {@value #MAX_BYTES} bytes (not
 * read), not a regular file, or corrupt is moved aside to {@code maintenance.json.corrupt} with a WARN,
 * and the windows start empty (the config's quiet hours always apply). Saving writes a temporary file
 * and renames it over the old one, so a crash mid-write leaves the previous file whole.
 */
public final class MaintenanceFile implements Maintenance.Store {
    public static final String NAME = "maintenance.json";
    static final int VERSION = 1;
    /** {@link Maintenance#MAX_WINDOWS} windows of a few hundred bytes each fit with room. */
    static final int MAX_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public MaintenanceFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    /** The saved windows, or none when there are none or they cannot be used. */
    public List<Maintenance.Window> load() {
        byte[] bytes;
        try {
            bytes = StateFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (StateFiles.DamagedException e) {
            LOG.warn("maintenance windows {} cannot be used ({}); {}; no maintenance windows", file, e.getMessage(), StateFiles.moveAside(file));
            return List.of();
        } catch (IOException e) {
            LOG.warn("cannot read maintenance windows {} ({}): no maintenance windows", file, e.toString());
            return List.of();
        }
        try {
            List<Maintenance.Window> loaded = parse(bytes);
            LOG.info("loaded {} maintenance windows from {}", loaded.size(), file);
            return loaded;
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            LOG.warn("maintenance windows {} are corrupt ({}); {}; no maintenance windows", file, why, StateFiles.moveAside(file));
            return List.of();
        }
    }

    @Override
    public void save(List<Maintenance.Window> windows) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("version", VERSION);
        ArrayNode list = root.putArray("windows");
        for (Maintenance.Window w : windows)
            list.addObject().put("id", w.id()).put("route", w.route()).put("window", w.window().toString()).put("reason", w.reason());
        StateFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    static List<Maintenance.Window> parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject()) throw new IOException("not a JSON object");
        if (root.path("version").asInt(-1) != VERSION) throw new IOException("unsupported version " + root.get("version") + " (expected " + VERSION + ")");
        if (!root.path("windows").isArray()) throw new IOException("no 'windows' array");
        List<Maintenance.Window> out = new ArrayList<>();
        for (JsonNode n : root.get("windows")) {
            if (!n.path("id").canConvertToLong() || !n.path("window").isTextual()) throw new IOException("a window without id or window: " + n);
            out.add(new Maintenance.Window(n.get("id").asLong(), text(n, "route"), QuietWindow.parse("window", n.get("window").asText()), text(n, "reason")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }
}
