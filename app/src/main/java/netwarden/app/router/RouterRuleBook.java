package netwarden.app.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import netwarden.engine.router.RouterRule;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allowlist and suppression rules in force: those of the config file (ids {@code config-<n>}, read-only) and
 * those added through the API (random ids, kept in {@code <state.dir>/router/rules.json}, written atomically).
 *
 * <p>Thread-safe: the API edits, the station reads {@link #rules()} (a new immutable list after each edit). A
 * damaged rules file is moved aside (WARN) and the API rules start empty; the config's rules always apply.
 */
final class RouterRuleBook {
    /** A rule and its id. */
    record Entry(String id, RouterRule rule, boolean fromConfig) {}

    static final int MAX_BYTES = 4 << 20, MAX_RULES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RouterRuleBook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private volatile List<RouterRule> rules = List.of();

    RouterRuleBook(List<RouterRule> configured, Path file) {
        this.file = file;
        for (int i = 0; i < configured.size(); i++) entries.put("config-" + i, new Entry("config-" + i, configured.get(i), true));
        publish();
    }

    /** Reads the API's rules from the file (a missing file is none). */
    synchronized void load() {
        byte[] bytes;
        try {
            bytes = StateFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.warn("router rules {} cannot be used ({}); {}; the API's rules start empty", file, e.getMessage(), StateFiles.moveAside(file));
            return;
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.path("rules").isArray()) throw new IOException("no 'rules' array");
            for (JsonNode n : root.get("rules")) {
                String id = n.path("id").asText();
                entries.put(id, new Entry(id, RuleJson.read(n), false));
            }
            LOG.info("loaded {} router rules from {}", root.get("rules").size(), file);
        } catch (IOException | RuntimeException e) {
            entries.values().removeIf(x -> !x.fromConfig());
            LOG.warn("router rules {} are corrupt ({}); {}; the API's rules start empty", file, e.getMessage(), StateFiles.moveAside(file));
        }
        publish();
    }

    List<RouterRule> rules() {
        return rules;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Adds a rule and saves; returns its entry. */
    synchronized Entry add(RouterRule rule) throws IOException {
        if (entries.size() >= MAX_RULES) throw new IllegalStateException("at most " + MAX_RULES + " router rules");
        Entry e = new Entry(UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT), rule, false);
        entries.put(e.id(), e);
        try {
            save();
        } catch (IOException ex) {
            entries.remove(e.id());
            throw ex;
        }
        publish();
        return e;
    }

    /** Removes an API rule; false when there is none with that id. */
    synchronized boolean remove(String id) throws IOException {
        Entry e = entries.get(id);
        if (e == null) return false;
        if (e.fromConfig()) throw new IllegalArgumentException("rule " + id + " comes from the config file: remove it there");
        entries.remove(id);
        save();
        publish();
        return true;
    }

    private void publish() {
        rules = entries.values().stream().map(Entry::rule).toList();
    }

    private void save() throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("version", 1);
        ArrayNode list = root.putArray("rules");
        for (Entry e : entries.values()) if (!e.fromConfig()) list.add(RuleJson.write(e.rule()).put("id", e.id()));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, root);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
