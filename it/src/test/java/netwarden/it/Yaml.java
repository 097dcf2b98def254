package netwarden.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;

/** YAML as plain maps and lists (anchors and aliases resolved), for reading and rewriting configs. */
final class Yaml {
    private Yaml() {}

    static Map<String, Object> load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object o = new org.yaml.snakeyaml.Yaml(options).load(text);
        if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException("YAML document is not a mapping");
        return cast(o);
    }

    static void write(Object document, Path file) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new org.yaml.snakeyaml.Yaml(options).dump(document), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map<?, ?>)) throw new AssertionError(where + " is not a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String where) {
        if (!(o instanceof List<?>)) throw new AssertionError(where + " is not a list: " + o);
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
