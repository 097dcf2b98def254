package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Path tokenFile = Files.writeString(Files.createTempFile("netwarden-token", ""), "0123456789abcdef-file\n");
        NetwardenConfig example = new ConfigLoader(Map.of()).parse("example", """
                api:
                  tokens: [{name: a, token: 0123456789abcdef}, {name: b, token-file: %s}]
                services: [{name: s, address: 192.0.2.1, port: 1, connect: x, query: quake3}]
                discovery: {docker: {address: 192.0.2.1, labels: [game]}}
                sources: {gamelog: {path: /tmp/players.log, format: regex, rules: [{action: join, regex: "(?<name>x)"}], hash-salt: 0123456789abcdef}}
                notify:
                  max-players: {s: 16}
                  channels:
                    - {name: d, type: discord, url: "https://discord.example/x"}
                    - {name: s, type: slack, url: "https://slack.example/x"}
                    - {name: w, type: webhook, url: "https://hook.example/x", secret: 0123456789abcdef, headers: {A: b}}
                    - {name: e, type: email, host: smtp.example, username: u, password: p, from: a@example.org, to: [b@example.org]}
                    - {name: x, type: script, command: [/bin/true], environment: {A: b}}
                """.formatted(tokenFile));
        Files.delete(tokenFile);
        Set<String> keys = new LinkedHashSet<>();
        collect(ConfigRenderer.tree(example), "", keys);
        assertThat(keys).hasSizeGreaterThan(100);
        for (String key : keys) {
            // Floors are one table of metrics shared by the three detection scopes: a metric is documented by its name there.
            // Maps keyed by the user (max-players, headers, environment) are documented by the map's key.
            String documented = key.matches("detection\\.[a-z]+\\.floors\\..+") ? key.substring(key.lastIndexOf('.') + 1)
                    : key.matches(".*\\.(max-players|headers|environment)\\..+") ? key.substring(0, key.lastIndexOf('.')) : key;
            assertThat(doc).as("docs/config.md documents " + key).contains("`" + documented + "`");
        }
        assertThat(keys).contains("detection.host.floors.later-fragments", "state.dir", "incidents.queue", "http.web-config",
                "api.tokens[].token-file", "notify.channels[].delivery.timeout", "notify.channels[].ssl-trust",
                "notify.routes[].continue", "enrich.returning-store");
    }

    private static void collect(JsonNode node, String prefix, Set<String> keys) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                String key = prefix.isEmpty() ? f : prefix + "." + f;
                keys.add(key);
                collect(node.get(f), key, keys);
            });
        } else if (node.isArray()) {
            // Every element: channels of different types have different keys.
            node.forEach(element -> collect(element, prefix + "[]", keys));
        }
    }
}
