package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line and column of every key and list item of a YAML document, by path ({@code players.join-after},
 * {@code services[1].port}), so errors found after binding can still point into the file.
 */
final class LocationIndex {
    private final Map<String, JsonLocation> locations;
    private final Map<String, JsonLocation> keys;
    private final List<Alias> aliases;

    /** A YAML alias ({@code *name}) written at {@code path}. */
    record Alias(String path, String name, JsonLocation location) {}

    private LocationIndex(Map<String, JsonLocation> locations, Map<String, JsonLocation> keys, List<Alias> aliases) {
        this.locations = locations;
        this.keys = keys;
        this.aliases = List.copyOf(aliases);
    }

    static final LocationIndex EMPTY = new LocationIndex(Map.of(), Map.of(), List.of());

    /** Indexes {@code yaml}, which must already have parsed without error. */
    static LocationIndex of(YAMLFactory factory, String yaml) throws IOException {
        Map<String, JsonLocation> at = new HashMap<>();
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        List<Alias> aliases = new ArrayList<>();
        var stack = new ArrayDeque<Frame>();
        stack.push(new Frame("", false));
        try (JsonParser p = factory.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                Frame top = stack.peek();
                switch (t) {
                    case FIELD_NAME -> {
                        top.field = top.path.isEmpty() ? p.currentName() : top.path + "." + p.currentName();
                        at.put(top.field, p.currentTokenLocation());
                        keys.put(top.field, p.currentTokenLocation());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String path = top.valuePath();
                        if (top.array) at.put(path, p.currentTokenLocation());
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> stack.pop();
                    default -> {
                        String path = top.valuePath();
                        if (top.array) at.put(path, p.currentTokenLocation());
                        // The parser hands an alias over as the text of its name; netwarden does not read aliases.
                        if (p instanceof YAMLParser y && y.isCurrentAlias()) aliases.add(new Alias(path, p.getText(), p.currentTokenLocation()));
                    }
                }
            }
        }
        return new LocationIndex(at, keys, aliases);
    }

    /** Every key the file writes, by path, in the order written. */
    Map<String, JsonLocation> keys() {
        return keys;
    }

    /** The aliases ({@code *name}) the file writes, in order. */
    List<Alias> aliases() {
        return aliases;
    }

    /** The location of {@code path} or of its nearest parent present in the file; null when none is. */
    JsonLocation find(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            JsonLocation l = locations.get(p);
            if (l != null) return l;
        }
        return null;
    }

    /** Whether the file itself wrote {@code path} (as opposed to a default filling it in). */
    boolean has(String path) {
        return locations.containsKey(path);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static final class Frame {
        final String path;
        final boolean array;
        String field = "";
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }

        String valuePath() {
            return array ? path + "[" + index++ + "]" : field;
        }
    }
}
