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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Line and column of every key and list item of a YAML document, by path ({@code players.join-after},
 * {@code services[1].port}), so errors found after binding can still point into the file; the keys a
 * mapping repeats; and where each single value is written, so a value the parser cannot read at all
 * can be blanked out ({@link #withoutValue}) and the rest of the file read on.
 */
final class LocationIndex {
    private final Map<String, JsonLocation> locations;
    private final Map<String, JsonLocation> keys;
    private final List<Alias> aliases;
    private final List<Duplicate> duplicates;
    private final Map<String, Scalar> scalars;

    /** A YAML alias ({@code *name}) written at {@code path}. */
    record Alias(String path, String name, JsonLocation location) {}

    /** A key written a second time in one mapping, at {@code location}; {@code path} is the mapping's. */
    record Duplicate(String path, String key, JsonLocation location) {}

    /** A single value as the parser read it ({@code text}; an alias as {@code *name}) and where it starts. */
    record Scalar(String text, JsonLocation location) {}

    private LocationIndex(Map<String, JsonLocation> locations, Map<String, JsonLocation> keys, List<Alias> aliases,
                          List<Duplicate> duplicates, Map<String, Scalar> scalars) {
        this.locations = locations;
        this.keys = keys;
        this.aliases = List.copyOf(aliases);
        this.duplicates = List.copyOf(duplicates);
        this.scalars = scalars;
    }

    static final LocationIndex EMPTY = new LocationIndex(Map.of(), Map.of(), List.of(), List.of(), Map.of());

    /** Indexes {@code yaml}, which must already have parsed without error. */
    static LocationIndex of(YAMLFactory factory, String yaml) throws IOException {
        Map<String, JsonLocation> at = new HashMap<>();
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        List<Alias> aliases = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        Map<String, Scalar> scalars = new HashMap<>();
        var stack = new ArrayDeque<Frame>();
        stack.push(new Frame("", false));
        try (JsonParser p = factory.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                Frame top = stack.peek();
                switch (t) {
                    case FIELD_NAME -> {
                        if (!top.names.add(p.currentName())) duplicates.add(new Duplicate(top.path, p.currentName(), p.currentTokenLocation()));
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
                        boolean alias = p instanceof YAMLParser y && y.isCurrentAlias();
                        if (alias) aliases.add(new Alias(path, p.getText(), p.currentTokenLocation()));
                        scalars.put(path, new Scalar(alias ? "*" + p.getText() : p.getText(), p.currentTokenLocation()));
                    }
                }
            }
        }
        return new LocationIndex(at, keys, aliases, duplicates, scalars);
    }

    /** Keys written twice in one mapping, in the order of the file. */
    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** The single value written at {@code path}, or null (absent, or a mapping or list). */
    Scalar scalar(String path) {
        return scalars.get(path);
    }

    /**
     * {@code yaml} with the single value at {@code path} replaced by {@code ~} (null) padded with spaces,
     * so every other line and column stays where it was; null when there is no such value or it is not
     * written plainly where the parser said (a quoted or multi-line value).
     */
    String withoutValue(String yaml, String path) {
        Scalar s = scalars.get(path);
        if (s == null || s.text().isEmpty()) return null;
        int offset = 0;
        for (int line = 1; line < s.location().getLineNr(); line++) {
            offset = yaml.indexOf('\n', offset) + 1;
            if (offset == 0) return null;
        }
        offset += s.location().getColumnNr() - 1;
        if (offset < 0 || !yaml.startsWith(s.text(), offset)) return null;
        return yaml.substring(0, offset) + "~" + " ".repeat(s.text().length() - 1) + yaml.substring(offset + s.text().length());
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
        final Set<String> names = new HashSet<>();
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
