package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.ConfigRenderer;
import netwarden.app.config.NetwardenConfig;
import org.junit.jupiter.api.Test;

/** The README, .ci/run and docs/config.md stay true to the code. */
class DocsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** The commands in the README's "The two commands" section, in order. */
    private static List<String> twoCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## The two commands"), readme.indexOf("\n## ", readme.indexOf("## The two commands") + 5));
        List<String> commands = new ArrayList<>();
        String[] blocks = section.split("```");
        for (int i = 1; i < blocks.length; i += 2) commands.add(blocks[i].strip());
        return commands;
    }

    @Test
    void ciRunsTheReadmeTestCommandVerbatim() throws IOException {
        List<String> commands = twoCommands();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).contains("./mvnw -B -DskipTests package").endsWith("bin/netwarden demo");
        assertThat(commands.get(1)).contains("./mvnw -B verify").doesNotContain("\n");
        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).contains(commands.get(1));
    }

    @Test
    void configReferenceDocumentsEveryKey() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/config.md"));
        NetwardenConfig example = new ConfigLoader(Map.of()).parse("example", """
                api:
                  tokens: [{name: a, token: 0123456789abcdef}]
                services: [{name: s, address: 192.0.2.1, port: 1, connect: x}]
                """);
        List<String> keys = new ArrayList<>();
        collect(ConfigRenderer.tree(example), "", keys);
        assertThat(keys).hasSizeGreaterThan(25);
        for (String key : keys) {
            // Floors are one table of metrics shared by the three detection scopes: a metric is documented by its name there.
            String documented = key.matches("detection\\.[a-z]+\\.floors\\..+") ? key.substring(key.lastIndexOf('.') + 1) : key;
            assertThat(doc).as("docs/config.md documents " + key).contains("`" + documented + "`");
        }
        assertThat(keys).contains("detection.host.floors.later-fragments", "state.dir", "incidents.queue");
    }

    private static void collect(JsonNode node, String prefix, List<String> keys) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                String key = prefix.isEmpty() ? f : prefix + "." + f;
                keys.add(key);
                collect(node.get(f), key, keys);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), prefix + "[]", keys);
        }
    }
}
