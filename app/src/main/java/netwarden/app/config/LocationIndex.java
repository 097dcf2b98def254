package netwarden.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every key and list item of a YAML document, by path ({@code players.join-after},
 * {@code services[1].port}), so errors found after binding can still point into the file.
 */
final class LocationIndex {
    private final Map<String, JsonLocation> locations;

    private LocationIndex(Map<String, JsonLocation> locations) {
        this.locations = locations;
    }

    static final LocationIndex EMPTY = new LocationIndex(Map.of());

    /** Indexes {@code yaml}, which must already have parsed without error. */
    static LocationIndex of(YAMLFactory factory, String yaml) throws IOException {
        Map<String, JsonLocation> at = new HashMap<>();
        var stack = new ArrayDeque<Frame>();
        stack.push(new Frame("", false));
        try (JsonParser p = factory.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                Frame top = stack.peek();
                switch (t) {
                    case FIELD_NAME -> {
                        top.field = top.path.isEmpty() ? p.currentName() : top.path + "." + p.currentName();
                        at.put(top.field, p.currentTokenLocation());
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
                    }
                }
            }
        }
        return new LocationIndex(at);
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
