package netwarden.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys a config file may write, read from the {@link RawConfig} records themselves (kebab-case
 * component names, {@code @JsonProperty} where the name differs). Every key the file writes is looked
 * up here by its path, so all unknown keys are found in one pass, each at its own place — not one at
 * a time from the binder's first failure.
 */
final class KeySchema {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private KeySchema() {}

    /** The top-level sections ({@code http}, {@code notify}, ...). */
    static Set<String> sections() {
        return keys(RawConfig.class);
    }

    /** Records an unknown-key problem for every key of {@code index} the schema has no place for (the outermost only). */
    static void check(LocationIndex index, Binding b) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonLocation> e : index.keys().entrySet()) {
            String path = e.getKey();
            if (unknown.stream().anyMatch(u -> path.startsWith(u + ".") || path.startsWith(u + "["))) continue;
            Set<String> known = knownAt(path);
            if (known == null) continue;
            unknown.add(path);
            b.problemAt(new ConfigProblem(path, null, "unknown key '" + path + "' (likely a typo; known keys here: "
                    + String.join(", ", known) + ")", null), e.getValue().getLineNr(), e.getValue().getColumnNr());
        }
    }

    /** Null when {@code path} is a known key (or inside a free-form mapping); else the keys allowed where it stands. */
    private static Set<String> knownAt(String path) {
        Type type = RawConfig.class;
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            Class<?> raw = raw(type);
            if (m.group(2) != null) {
                if (!List.class.isAssignableFrom(raw)) return null; // a wrong type: the binder says so
                type = argument(type, 0);
            } else if (Map.class.isAssignableFrom(raw)) {
                type = argument(type, 1);
            } else if (raw.isRecord()) {
                RecordComponent c = component(raw, m.group(1));
                if (c == null) return keys(raw);
                type = c.getGenericType();
            } else {
                return null; // below a scalar or free-form value
            }
        }
        return null;
    }

    private static RecordComponent component(Class<?> record, String key) {
        for (RecordComponent c : record.getRecordComponents()) if (name(c).equals(key)) return c;
        return null;
    }

    private static Set<String> keys(Class<?> record) {
        var out = new TreeSet<String>();
        for (RecordComponent c : record.getRecordComponents()) out.add(name(c));
        return out;
    }

    /** The key as the file writes it: {@code minPpsIn} is {@code min-pps-in}. */
    static String name(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        if (p == null) p = c.getAnnotation(JsonProperty.class);
        if (p != null && !p.value().isEmpty()) return p.value();
        return c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type argument(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }
}
